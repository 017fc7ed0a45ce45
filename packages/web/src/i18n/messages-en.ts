// English wording of every screen. The other languages are typed against this object, so a
// missing or extra key fails the type-check.

export const en = {
  'app.title': 'Ankle Pump Coach',
  'app.skip': 'Skip to main content',
  'app.disclaimer':
    'Ankle Pump Coach helps you do an exercise. It does not diagnose anything and does not replace your doctor or physiotherapist.',
  'app.seekCare':
    'Stop and get medical help if you feel sharp or worsening pain, if your leg gets more swollen, red, warm or painful, or if you are short of breath.',
  'nav.home': 'Home',
  'nav.learn': 'Learn',
  'nav.history': 'History',
  'nav.clinic': 'My clinic',
  'nav.settings': 'Settings',

  'home.title': 'Today',
  'home.done': '{done} of {planned} sessions done today',
  'home.start': 'Start a session',
  'home.resume': 'Continue the unfinished session',
  'home.next': 'Next session: {time}',
  'home.nextNone': 'No more sessions planned today.',
  'home.nextNow': 'Next session: now (planned for {time})',
  'home.painStop':
    'You stopped a session today because of pain, so there are no more ankle pumps today. If the pain is sharp or does not settle, contact your doctor or physiotherapist.',

  'learn.title': 'About ankle pumps',
  'learn.what.h': 'What they are',
  'learn.what.p':
    'An ankle pump is a small, gentle movement of the foot at the ankle. You point your toes away from you, then pull them back toward your shin, again and again. The rest of the leg stays still.',
  'learn.why.h': 'Why they help',
  'learn.why.1': 'Blood flow: working the calf squeezes the veins and pushes blood back toward the heart.',
  'learn.why.2': 'Less swelling: fluid that collects in the feet and ankles is moved on.',
  'learn.why.3':
    'Healing: after an operation or injury, better circulation supports recovery and lowers the risk of clots.',
  'learn.why.4': 'Mobility: the ankle keeps its range of movement and does not stiffen.',
  'learn.why.5': 'Strength: the calf muscles you need for standing and walking are kept working.',
  'learn.how.h': 'How to do them',
  'learn.how.1':
    'Sit with your legs straight out in front of you, or lie on your back with your legs straight.',
  'learn.how.2': 'Let the foot relax in its natural resting position.',
  'learn.how.3':
    'Point your toes down, away from you, as far as is comfortable. Hold for one to two seconds: you will feel the calf work.',
  'learn.how.4':
    'Pull your toes up toward your shin. Hold for about one second: you will feel the front of the shin work.',
  'learn.how.5': 'Keep going smoothly and steadily. Only the ankle moves.',
  'learn.how.6':
    'Usually 10 to 15 times for each foot, 2 or 3 rounds, or as your physiotherapist tells you. It should feel like a gentle stretch, never sharp pain.',
  'learn.who.h': 'Who must not, or not alone',
  'learn.who.1': 'If the leg or ankle is clearly swollen, red or bruised: see a doctor before you start.',
  'learn.who.2':
    'If you feel sharp pain or pain that gets worse while exercising: stop straight away and get medical advice.',
  'learn.who.3':
    'If you have ever had a blood clot (deep vein thrombosis or a clot in the lung): only exercise with a physiotherapist supervising.',
  'learn.who.4':
    'If the ankle is badly injured, for example broken or with a torn ligament: this exercise is not suitable; ask your doctor.',
  'learn.demo.label': 'Animated drawing of a lower leg doing ankle pumps',
  'learn.demo.relax': 'Relax: foot at rest',
  'learn.demo.down': 'Point the toes down and hold',
  'learn.demo.up': 'Pull the toes up and hold',
  'learn.demo.pause': 'Pause animation',
  'learn.demo.play': 'Play animation',

  'setup.title': 'Set up',
  'setup.intro': 'Choose how you want to exercise. You can change this later in Settings.',
  'setup.regimen': 'Exercise plan',
  'setup.regimen.general': 'General: 1-2 sessions a day',
  'setup.regimen.postop': 'After surgery or injury: 3-4 sessions a day',
  'setup.regimen.hourly': 'Every waking hour: 10 pumps',
  'setup.regimen.clinician': 'My clinician gave me a code',
  'setup.code': 'Invite code from your clinic',
  'setup.codeHelp':
    'The code your clinic gave you. Saving links this phone with it (you need to be online); if it cannot, My clinic says why and keeps the code to try again.',
  'setup.codeMissing': 'Enter the code your clinic gave you, or choose another plan.',
  'setup.feet': 'Which foot first',
  'setup.feet.leftFirst': 'Left foot first, then right',
  'setup.feet.rightFirst': 'Right foot first, then left',
  'setup.feet.both': 'Both feet together',
  'setup.language': 'Language',
  'setup.voice': 'Spoken instructions',
  'setup.voice.on': 'On',
  'setup.voice.off': 'Off',
  'setup.save': 'Save and continue',

  'screen.title': 'Safety check',
  'screen.intro':
    'Answer these questions before every session. They decide whether it is safe to exercise now.',
  'screen.yes': 'Yes',
  'screen.no': 'No',
  'screen.submit': 'Check',
  'screen.unanswered': 'Please answer every question. Not answered: {list}',
  'screen.ok': 'You can exercise now.',
  'screen.supervised': 'Only with a physiotherapist or nurse supervising.',
  'screen.doctor': 'Do not exercise now. See a doctor first.',
  'screen.unsuitable': 'This exercise is not suitable for you. Ask your doctor.',
  'screen.supervisorName': 'Name of the person supervising',
  'screen.supervisorConfirm': 'I am supervising this session',
  'screen.supervisorMissing': 'The supervisor must type their name and tick the box.',
  'screen.continue': 'Continue',
  'screen.blocked': 'The session cannot start.',

  'method.title': 'How should we check your movement?',
  'method.camera': 'Camera',
  'method.camera.help': 'Place the phone or laptop to the side of your leg. The video stays on this device.',
  'method.phone': 'Phone resting on the foot',
  'method.phone.help': 'Lay the phone flat on top of your foot. Its motion sensor measures the angle.',
  'method.timing': 'Timing only',
  'method.timing.help': 'The app gives the rhythm and counts with you. Nothing is measured.',

  'camera.title': 'Set up the camera',
  'camera.privacy': 'The video is analysed on this device only. No picture is saved or sent.',
  'camera.start': 'Turn on the camera',
  'camera.denied': 'The camera could not be opened: {reason}. You can use timing only instead.',
  'camera.loading': 'Loading the movement tracker…',
  'camera.fix.noPerson': 'We cannot see you. Turn the camera toward your leg.',
  'camera.fix.side':
    'The camera is on your other side. You start with your {side} foot: put the camera on your {side} side, so that it sees that leg whole.',
  'camera.fix.turn': 'Turn the camera so it looks at your leg from the side.',
  'camera.fix.back': 'Move the camera back so the knee and the whole foot are in the picture.',
  'camera.fix.light': 'More light please: the picture is too dark.',
  'camera.fix.foot': 'Uncover the foot: the heel and toes must be visible.',
  'camera.good': 'Good view. Keep the camera still.',
  'camera.continue': 'Continue to calibration',

  'phone.title': 'Set up the phone on the foot',
  'phone.permission': 'Allow motion sensor',
  'phone.permissionHelp':
    'The app needs the phone motion sensor to measure the ankle angle. Nothing leaves this phone.',
  'phone.denied': 'The motion sensor is not available: {reason}. You can use timing only instead.',
  'phone.place':
    'Lay the phone flat on the top of your foot, screen up, top of the phone toward the toes. A sock or a soft strap helps it stay.',
  'phone.still': 'Keep the foot relaxed and still…',
  'phone.stillOk': 'Still: ready.',
  'phone.noData': 'No motion data yet. Check the phone is lying on the foot.',
  'phone.continue': 'Continue to calibration',

  'calib.title': 'Measure your range',
  'calib.relax': 'Relax the foot and keep it still.',
  'calib.down': 'Point your toes down as far as is comfortable, and hold.',
  'calib.up': 'Pull your toes up toward the shin as far as is comfortable, and hold.',
  'calib.start': 'Start measuring',
  'calib.result': 'Your range: toes down {down}°, toes up {up}°, total {total}°.',
  'calib.estimate':
    'Camera angles are rough estimates: on test videos of people we had not tuned on they were typically about 15° off, sometimes much more. Use them to follow your own progress, not as a measurement.',
  'calib.continue': 'Start the exercise',
  'calib.retry': 'Measure again',
  'calib.skip': 'Skip: learn my range from the first reps',
  'calib.staleCamera':
    'Your earlier measurement was made with the camera in another place, so it is not used now. Measure again for degrees that fit this view, or skip.',
  'calib.phoneChecked': "This camera view's degrees were checked against your phone on the foot.",
  'phoneCheck.title': "Check a camera's degrees with this phone",
  'phoneCheck.why':
    "A camera's degrees depend on where it stands and on your body: on test videos they were often 10° or more off. This phone, lying on your foot, measures the angle itself. A few pumps seen by both make the camera's degrees match the phone's, for that camera view. Nothing is sent anywhere: this phone shows a code and the camera reads it.",
  'phoneCheck.step1':
    'On the device with the camera, set the camera up; on its “Measure your range” screen, press “Check the degrees with your phone”.',
  'phoneCheck.step2':
    'Lay this phone flat on the foot the camera watches, screen up, top of the phone toward the toes.',
  'phoneCheck.foot': 'Which foot is the phone on?',
  'phoneCheck.step3': 'Press Start here, then do 3 to 5 slow pumps, holding at each end.',
  'phoneCheck.step4':
    'Press “Show the code” and hold this screen up to the camera, about 30 cm away, until the camera says it has read it.',
  'phoneCheck.start': 'Start',
  'phoneCheck.again': 'Start again',
  'phoneCheck.counted': 'Pumps the phone counted: {count}',
  'phoneCheck.show': 'Show the code',
  'phoneCheck.hold': 'Hold this screen up to the camera.',
  'phoneCheck.codeLabel': 'Code with the {count} pumps this phone measured, for the camera to read',
  'phoneCheck.cameraTitle': 'Check the degrees with your phone (optional)',
  'phoneCheck.cameraHow':
    "Camera degrees are estimates. If you have a phone, open this app on it and choose “Check a camera's degrees with this phone”, lay it on the foot the camera watches, press Start on both and do 3 to 5 slow pumps. Then show the phone's code to this camera.",
  'phoneCheck.cameraStart': 'Check the degrees with your phone',
  'phoneCheck.watching':
    'Pumps the camera counted: {count}. When you are done, show the phone’s code to the camera.',
  'phoneCheck.done':
    "Done: this camera's degrees now match your phone's (×{gain}, from {reps} pumps both saw). This holds while the camera stays where it is.",
  'phoneCheck.tooFew':
    'The degrees were not changed: the camera or the phone counted fewer than 3 pumps. Do 3 to 5 slow pumps while both watch, and try again.',
  'phoneCheck.notLinedUp':
    'The degrees were not changed: the pumps the phone and the camera counted were not the same ones. Start both first, then do the pumps.',
  'phoneCheck.disagree':
    'The degrees were not changed: the phone and the camera disagreed from pump to pump. The camera or the phone may have moved; try again.',
  'phoneCheck.otherFootGain':
    "The degrees were not changed: the phone's pumps are too unlike the camera's to be the same foot. Is the phone on the foot the camera watches?",
  'phoneCheck.otherFoot':
    'The phone was set for your {phone} foot, but the camera watches your {camera} foot. Check which foot comes first in the settings on both devices, and try again.',
  'phoneCheck.moreReps':
    'The camera has counted {count} pumps so far: it needs at least 3 of the same pumps as the phone. Do a few more, then show the code again.',
  'phoneCheck.noCode':
    "The camera did not see the phone's code. Hold the phone's screen up to the camera, about 30 cm away, and try again.",

  'session.title': 'Exercise',
  'session.foot.left': 'Left foot',
  'session.foot.right': 'Right foot',
  'session.rep': '{n} of {total} done',
  'session.set': 'Set {n} of {total}',
  'session.camera.switch': 'Turn the camera to the other side, so it sees the other leg from the side.',
  'session.manualRep': 'I did one (count by hand)',
  'session.tracking': 'Tracking: {fps} frames a second; foot followed {seen}% of the last few seconds.',
  'session.trackingSlow':
    'The camera analyses too few frames a second to count every pump: some will be missed. Pump more slowly, or tap “I did one” for each pump the counter misses.',
  'session.trackingLost':
    'The foot is not being seen: pumps are not counted now. Check that the whole foot is in the picture.',
  'session.trackingFallback':
    'The camera cannot follow the foot itself just now: pumps are still counted, but their degrees are not measured and the angle shown is a rough one. Keep the foot uncovered and in the picture.',
  'session.trackingBack': 'The foot is followed again: pumps are counted and measured.',
  'session.sourceFailed': 'The movement check could not start. Tap “I did one” after each pump to count it.',
  'session.pain': 'Pain – stop',
  'session.pause': 'Pause',
  'session.resume': 'Resume',
  'session.slower': 'Slower',
  'session.faster': 'Faster',
  'session.tempo': 'Tempo: {pct}%',
  'session.stop': 'End session',
  'session.angle': 'Ankle angle',
  'session.angleDown': '{deg}° toes down',
  'session.angleUp': '{deg}° toes up',
  'session.angleEstimate': 'estimate',
  'session.warn.legMoved': 'Keep the leg still; only the ankle moves.',
  'session.warn.footLost': 'The foot is out of view.',
  'session.warn.shallow': 'Try to move a little further, if it is comfortable.',
  'session.warn.noisy':
    'The angle is too unsteady to count small or quick pumps. Hold each end for a second; more light, the whole foot in view and a steady phone or camera help too.',
  'session.warn.uncounted':
    'Those movements were too quick to count as pumps. Move more slowly and hold for a second with the toes down and again with the toes up.',
  'session.warn.movedBeforeRest':
    'Counting starts once the foot has rested for a moment: the movements before that were not counted. Rest the foot, then start the pumps.',
  'session.warn.sensorLimit':
    'That pump was too quick for the phone to measure its degrees (it still counts). Move the foot more slowly.',
  'session.warn.wrongSide':
    'The camera is on your other side: it sees the leg you are not exercising. Put it on the side of the foot you are exercising now.',
  'session.warn.viewChanged':
    'The camera moved. Counting goes on, but the degrees may be off: put the camera back, or calibrate again later.',
  'session.painTitle': 'Session stopped because of pain',
  'session.painAsk': 'How strong is the pain, 0 to 10?',
  'session.painSharp':
    'Sharp or worsening pain: do not continue today. Contact your doctor or physiotherapist. If the leg is swollen, red, warm, or you are short of breath, get medical help now.',

  'summary.title': 'Summary',
  'summary.saved': 'Saved on this device.',
  'summary.stoppedPain': 'Stopped because of pain.',
  'summary.aborted': 'Ended early.',
  'summary.completed': 'Completed.',
  'summary.full': 'Full reps',
  'summary.paced': 'Reps paced by the timer (not checked)',
  'summary.warningsSession': 'Warnings for the session as a whole',
  'summary.shallow': 'Shallow reps',
  'summary.range': 'Range (°)',
  'summary.holds': 'Holds met',
  'summary.manual': 'Of those, counted by hand',
  'summary.viewChanged':
    'The camera moved during this session: the degrees after that are from another view, so they are left out of your range over time.',
  'summary.warnings': 'Warnings',
  'summary.ofReps': '{n} of {total} reps',
  'summary.warnNone': 'none',
  'summary.warnCount': '{n} × {what}',
  'summary.warn.shallow-rep': 'too small',
  'summary.warn.hold-short': 'hold too short',
  'summary.warn.leg-moved': 'leg moved',
  'summary.warn.wrong-foot': 'wrong foot',
  'summary.warn.pain-reported': 'pain reported',
  'summary.painBefore': 'Pain before: {n}/10',
  'summary.painAfter': 'Pain after, 0 to 10',
  'summary.painAfterValue': 'Pain after: {n}/10',
  'summary.home': 'Back to home',

  'history.title': 'History',
  'history.today': 'Today: {done} of {planned} sessions',
  'history.calendar': 'Last 4 weeks',
  'history.calendarDay': '{date}: {done} of {planned}',
  'history.range': 'Range of movement per foot (°)',
  'history.rangeNone':
    'No range yet: it is measured when the camera or the phone on the foot checks a session.',
  'history.rangeLeftOut': 'Sessions in which the camera moved are left out of this chart: {n}.',
  'history.pain': 'Pain (0-10)',
  'history.rangeSummary':
    'Median range of each session with a sensor ({n}); latest: left {left}, right {right}.',
  'history.painSummary': 'Pain reported in each session ({n}); latest: {pain} of 10.',
  'history.table': 'Show as table',
  'history.date': 'Date',
  'history.none': 'No sessions yet.',
  'history.painBefore': 'Pain before',
  'history.painAfter': 'Pain after',
  'history.next': 'Next reminder: {time}',
  'history.ics': 'Add reminders to my calendar (.ics)',
  'history.export': 'Export all my data (JSON)',
  'history.outbox': '{n} records waiting to be sent to your clinic.',

  'foot.left': 'left',
  'foot.right': 'right',
  'lang.en': 'English',
  'lang.zh': '简体中文',
  'lang.es': 'Español',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
