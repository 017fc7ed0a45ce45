import { describe, expect, it } from 'vitest';
import { isLoopbackLink } from './screens/invite-panel.ts';

describe("an invite link on this computer's own address", () => {
  it('is one a phone cannot open: localhost, 127.x and ::1', () => {
    for (const link of [
      'http://127.0.0.1:8080/join?code=K7MQ2XPA9R',
      'http://localhost:8080/join?code=K7MQ2XPA9R',
      'http://app.localhost/join?code=K7MQ2XPA9R',
      'http://[::1]:8080/join?code=K7MQ2XPA9R',
    ])
      expect(isLoopbackLink(link), link).toBe(true);
  });

  it('is not one on the clinic address or a network address', () => {
    for (const link of [
      'https://anklepump.clinic.example/join?code=K7MQ2XPA9R',
      'http://192.168.1.20:8080/join?code=K7MQ2XPA9R',
      'not a link',
    ])
      expect(isLoopbackLink(link), link).toBe(false);
  });
});
