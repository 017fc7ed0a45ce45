// The screening command's work: gather answers (terminal, flags or JSON), decide, print, and
// turn the decision into the exit code.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  decideScreening,
  formatMessage,
  SCREENING_QUESTIONNAIRE,
  type ScreeningAnswers,
  type ScreeningDecision,
  type ScreeningQuestion,
  STOP_AND_SEEK_CARE,
  validateScreeningAnswers,
} from '@anklepump/exercise';
import type { CommandContext } from '../command-spec.ts';
import { CliError, exitCodeForScreening } from '../exit-codes.ts';

const FLAG_FOR: Readonly<Record<keyof ScreeningAnswers, string>> = {
  swelling: 'swelling',
  clotHistory: 'clot-history',
  severeInjury: 'severe-injury',
  painNow: 'pain-now',
};

const HEADLINE: Readonly<Record<ScreeningDecision['outcome'], string>> = {
  go: 'GO: you can do your ankle pumps now.',
  'supervised-only':
    'ONLY WITH A PHYSIOTHERAPIST: do ankle pumps only while a physiotherapist supervises you.',
  'see-doctor-first': 'SEE A DOCTOR FIRST: do not start ankle pumps until a doctor has checked you.',
  'not-suitable': 'NOT SUITABLE NOW: ankle pumps are not for you at the moment; ask your doctor.',
};

async function readJsonAnswers(ctx: CommandContext, source: string): Promise<ScreeningAnswers> {
  let text: string;
  const where = source === '-' ? 'stdin' : source;
  if (source === '-') {
    if (ctx.stdin.isTTY) {
      throw new CliError(
        'not-a-tty',
        '--json - reads answers from stdin, but stdin is a terminal; pipe the JSON in',
        '--json',
      );
    }
    const chunks: Buffer[] = [];
    for await (const c of ctx.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    try {
      text = await readFile(resolve(ctx.cwd, source), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new CliError('input-not-found', `--json: no such file: ${source}`, '--json');
      throw new CliError('bad-input', `--json: cannot read ${source}: ${(e as Error).message}`, '--json');
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError('bad-input', `--json: ${where} is not valid JSON: ${(e as Error).message}`, '--json');
  }
  const v = validateScreeningAnswers(data);
  if (!v.success) {
    const list = v.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n');
    throw new CliError('bad-input', `--json: the answers in ${where} are not valid:\n${list}`, '--json');
  }
  return v.data;
}

function parseYesNo(s: string): boolean | null {
  const t = s.trim().toLowerCase();
  if (['y', 'yes', 'true', '1'].includes(t)) return true;
  if (['n', 'no', 'false', '0'].includes(t)) return false;
  return null;
}

async function ask(
  ctx: CommandContext,
  questions: readonly ScreeningQuestion[],
): Promise<Record<string, unknown>> {
  const rl = createInterface({ input: ctx.stdin, output: ctx.stdout, terminal: true });
  // Ctrl-D or a closed pipe leaves a pending question unanswered forever unless it is aborted.
  const closed = new AbortController();
  rl.once('close', () => closed.abort());
  const out: Record<string, unknown> = {};
  try {
    ctx.stdout.write(`${SCREENING_QUESTIONNAIRE.title}\n\n`);
    for (const q of questions) {
      for (;;) {
        const hint = q.type === 'boolean' ? ' [y/n] ' : ` [${q.min}-${q.max}] `;
        let raw: string;
        try {
          raw = await rl.question(`${q.text}${hint}`, { signal: closed.signal });
        } catch {
          throw new CliError(
            'bad-input',
            'input ended before every question was answered; nothing was decided',
          );
        }
        if (q.type === 'boolean') {
          const b = parseYesNo(raw);
          if (b !== null) {
            out[q.id] = b;
            break;
          }
          ctx.stdout.write('Please answer y (yes) or n (no).\n');
        } else {
          const n = Number(raw.trim());
          if (raw.trim() !== '' && Number.isInteger(n) && n >= q.min && n <= q.max) {
            out[q.id] = n;
            break;
          }
          ctx.stdout.write(`Please type a whole number from ${q.min} to ${q.max}.\n`);
        }
      }
    }
  } finally {
    rl.close();
  }
  return out;
}

async function gatherAnswers(ctx: CommandContext): Promise<ScreeningAnswers> {
  const o = ctx.options;
  const json = o.json as string | undefined;
  const given = Object.entries(FLAG_FOR).filter(([, flag]) => o[flag] !== undefined);
  if (json !== undefined) {
    if (given.length > 0) {
      throw new CliError(
        'conflicting-options',
        `--json cannot be combined with answer flags (${given.map(([, f]) => `--${f}`).join(', ')})`,
        '--json',
      );
    }
    return readJsonAnswers(ctx, json);
  }
  const answers: Record<string, unknown> = {};
  for (const [key, flag] of given) answers[key] = o[flag];
  const missing = SCREENING_QUESTIONNAIRE.questions.filter((q) => answers[q.id] === undefined);
  if (missing.length > 0) {
    if (!ctx.stdin.isTTY) {
      const flags = missing.map((q) => `--${FLAG_FOR[q.id]}`).join(', ');
      throw new CliError(
        'not-a-tty',
        `stdin is not a terminal, so the questions cannot be asked. Missing answers: ${flags}. ` +
          'Give them as flags (e.g. --no-swelling, --pain-now 2) or as JSON with --json <file|->.',
      );
    }
    Object.assign(answers, await ask(ctx, missing));
  }
  const v = validateScreeningAnswers(answers);
  if (!v.success) throw new CliError('bad-input', v.issues.map((i) => i.message).join('; '));
  return v.data;
}

function formatText(d: ScreeningDecision, clearedBy: string | undefined): string {
  const lines = [HEADLINE[d.outcome], '', `Why (rule ${d.rule}): ${d.reason}`];
  for (const r of d.reasons.slice(1)) lines.push(`Also (rule ${r.rule}): ${r.message}`);
  // This tool cannot see the clinic's records: say whose word the clearance rests on.
  if (d.reasons.some((r) => r.rule === 'clot-history-cleared')) {
    lines.push(
      `Note: the clearance is taken from --cleared-by ${clearedBy}; this tool cannot check it.`,
      'Go ahead without a physiotherapist only if that clinician really cleared you.',
    );
  }
  lines.push('', 'Stop and seek care:');
  for (const k of STOP_AND_SEEK_CARE) lines.push(`  - ${formatMessage(k)}`);
  lines.push(
    '',
    formatMessage('care.notADiagnosis'),
    `(questionnaire ${d.questionnaireId} v${d.questionnaireVersion})`,
    '',
  );
  return lines.join('\n');
}

export async function run(ctx: CommandContext): Promise<number> {
  const answers = await gatherAnswers(ctx);
  const by = ctx.options['cleared-by'] as string | undefined;
  if (by !== undefined && by.trim() === '') {
    throw new CliError('missing-value', '--cleared-by needs the clinician id', '--cleared-by');
  }
  const decision = decideScreening(answers, {
    clearance: by ? { clinicianId: by, recordedAtMs: ctx.now() } : null,
  });
  if (ctx.options.format === 'json') {
    ctx.stdout.write(`${JSON.stringify({ answers, decision }, null, 2)}\n`);
  } else {
    ctx.stdout.write(formatText(decision, by));
  }
  return exitCodeForScreening(decision.outcome);
}
