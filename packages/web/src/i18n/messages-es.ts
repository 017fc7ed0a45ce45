// Spanish wording of every screen, typed against the English keys.
import type { Messages } from './messages-en.ts';

export const es: Messages = {
  'app.title': 'Entrenador de bombeo de tobillo',
  'app.skip': 'Saltar al contenido principal',
  'app.disclaimer':
    'Esta aplicación le ayuda a hacer un ejercicio. No diagnostica nada y no sustituye a su médico ni a su fisioterapeuta.',
  'app.seekCare':
    'Pare y busque atención médica si siente un dolor agudo o que empeora, si la pierna se hincha más, se pone roja, caliente o duele más, o si le falta el aire.',
  'nav.home': 'Inicio',
  'nav.learn': 'Aprender',
  'nav.history': 'Historial',
  'nav.clinic': 'Mi clínica',
  'nav.settings': 'Ajustes',

  'home.title': 'Hoy',
  'home.done': 'Hoy ha hecho {done} de {planned} sesiones',
  'home.start': 'Empezar una sesión',
  'home.resume': 'Continuar la sesión sin terminar',
  'home.next': 'Próxima sesión: {time}',
  'home.nextNone': 'No quedan sesiones previstas para hoy.',
  'home.nextNow': 'Próxima sesión: ahora (prevista a las {time})',
  'home.painStop':
    'Hoy detuvo una sesión por dolor: no haga más bombeos de tobillo hoy. Si el dolor es agudo o no se calma, consulte a su médico o fisioterapeuta.',

  'learn.title': 'Sobre el bombeo de tobillo',
  'learn.what.h': 'Qué es',
  'learn.what.p':
    'El bombeo de tobillo es un movimiento pequeño y suave del pie en el tobillo. Estira las puntas de los pies alejándolas de usted y después las lleva hacia la espinilla, una y otra vez. El resto de la pierna no se mueve.',
  'learn.why.h': 'Por qué ayuda',
  'learn.why.1':
    'Circulación: al trabajar la pantorrilla se aprietan las venas y la sangre vuelve hacia el corazón.',
  'learn.why.2': 'Menos hinchazón: el líquido que se acumula en pies y tobillos se pone en marcha.',
  'learn.why.3':
    'Recuperación: tras una operación o una lesión, una mejor circulación ayuda a curar y reduce el riesgo de coágulos.',
  'learn.why.4': 'Movilidad: el tobillo conserva su movimiento y no se pone rígido.',
  'learn.why.5': 'Fuerza: trabajan los músculos de la pantorrilla que necesita para estar de pie y caminar.',
  'learn.how.h': 'Cómo hacerlo',
  'learn.how.1':
    'Siéntese con las piernas estiradas delante de usted, o túmbese boca arriba con las piernas estiradas.',
  'learn.how.2': 'Deje el pie relajado en su posición natural de reposo.',
  'learn.how.3':
    'Estire las puntas de los pies hacia abajo, lejos de usted, hasta donde le resulte cómodo. Mantenga uno o dos segundos: notará trabajar la pantorrilla.',
  'learn.how.4':
    'Lleve las puntas de los pies hacia la espinilla. Mantenga alrededor de un segundo: notará trabajar la parte delantera de la pierna.',
  'learn.how.5': 'Siga de forma suave y regular. Solo se mueve el tobillo.',
  'learn.how.6':
    'Normalmente de 10 a 15 veces con cada pie, 2 o 3 series, o lo que le indique su fisioterapeuta. Debe sentirse como un estiramiento suave, nunca como un dolor agudo.',
  'learn.who.h': 'Quién no debe hacerlo, o no a solas',
  'learn.who.1':
    'Si la pierna o el tobillo están claramente hinchados, rojos o amoratados: consulte a un médico antes de empezar.',
  'learn.who.2':
    'Si siente dolor agudo o un dolor que empeora durante el ejercicio: pare enseguida y pida consejo médico.',
  'learn.who.3':
    'Si ha tenido alguna vez un coágulo (trombosis venosa profunda o un coágulo en el pulmón): haga el ejercicio solo con la supervisión de un fisioterapeuta.',
  'learn.who.4':
    'Si el tobillo tiene una lesión grave, por ejemplo una fractura o un ligamento roto: este ejercicio no es adecuado; consulte a su médico.',
  'learn.demo.label': 'Dibujo animado de una pierna haciendo bombeo de tobillo',
  'learn.demo.relax': 'Relaje: pie en reposo',
  'learn.demo.down': 'Puntas hacia abajo y mantenga',
  'learn.demo.up': 'Puntas hacia arriba y mantenga',
  'learn.demo.pause': 'Pausar la animación',
  'learn.demo.play': 'Reproducir la animación',

  'setup.title': 'Configuración',
  'setup.intro': 'Elija cómo quiere hacer el ejercicio. Puede cambiarlo después en Ajustes.',
  'setup.regimen': 'Plan de ejercicio',
  'setup.regimen.general': 'General: 1-2 sesiones al día',
  'setup.regimen.postop': 'Tras una operación o lesión: 3-4 sesiones al día',
  'setup.regimen.hourly': 'Cada hora que esté despierto: 10 bombeos',
  'setup.regimen.clinician': 'Mi profesional sanitario me dio un código',
  'setup.code': 'Código de invitación de su clínica',
  'setup.codeHelp':
    'El código que le dio su clínica. Al guardar, se vincula este teléfono con él (necesita conexión); si no se puede, Mi clínica explica por qué y guarda el código para intentarlo de nuevo.',
  'setup.codeMissing': 'Escriba el código que le dio su clínica o elija otro plan.',
  'setup.feet': 'Qué pie primero',
  'setup.feet.leftFirst': 'Primero el izquierdo, luego el derecho',
  'setup.feet.rightFirst': 'Primero el derecho, luego el izquierdo',
  'setup.feet.both': 'Los dos pies a la vez',
  'setup.language': 'Idioma',
  'setup.voice': 'Instrucciones habladas',
  'setup.voice.on': 'Sí',
  'setup.voice.off': 'No',
  'setup.save': 'Guardar y continuar',

  'screen.title': 'Control de seguridad',
  'screen.intro':
    'Responda estas preguntas antes de cada sesión. Deciden si es seguro hacer el ejercicio ahora.',
  'screen.yes': 'Sí',
  'screen.no': 'No',
  'screen.submit': 'Comprobar',
  'screen.unanswered': 'Responda todas las preguntas. Sin responder: {list}',
  'screen.ok': 'Puede hacer el ejercicio ahora.',
  'screen.supervised': 'Solo con la supervisión de un fisioterapeuta o una enfermera.',
  'screen.doctor': 'No haga el ejercicio ahora. Consulte primero a un médico.',
  'screen.unsuitable': 'Este ejercicio no es adecuado para usted. Consulte a su médico.',
  'screen.supervisorName': 'Nombre de la persona que supervisa',
  'screen.supervisorConfirm': 'Estoy supervisando esta sesión',
  'screen.supervisorMissing': 'La persona que supervisa debe escribir su nombre y marcar la casilla.',
  'screen.continue': 'Continuar',
  'screen.blocked': 'La sesión no puede empezar.',

  'method.title': '¿Cómo comprobamos su movimiento?',
  'method.camera': 'Cámara',
  'method.camera.help':
    'Coloque el teléfono o el portátil al lado de la pierna. El vídeo no sale de este dispositivo.',
  'method.phone': 'Teléfono apoyado en el pie',
  'method.phone.help': 'Ponga el teléfono plano sobre el empeine. Su sensor de movimiento mide el ángulo.',
  'method.timing': 'Solo ritmo',
  'method.timing.help': 'La aplicación marca el ritmo y cuenta con usted. No se mide nada.',

  'camera.title': 'Preparar la cámara',
  'camera.privacy': 'El vídeo se analiza solo en este dispositivo. No se guarda ni se envía ninguna imagen.',
  'camera.start': 'Encender la cámara',
  'camera.denied': 'No se pudo abrir la cámara: {reason}. Puede usar solo ritmo.',
  'camera.loading': 'Cargando el seguimiento del movimiento…',
  'camera.fix.noPerson': 'No le vemos. Gire la cámara hacia su pierna.',
  'camera.fix.side':
    'La cámara está del otro lado. Empieza con el pie {side}: ponga la cámara de su lado {side}, para que vea esa pierna entera.',
  'camera.fix.turn': 'Gire la cámara para que vea la pierna de lado.',
  'camera.fix.back': 'Aleje la cámara para que se vean la rodilla y el pie entero.',
  'camera.fix.light': 'Más luz, por favor: la imagen está demasiado oscura.',
  'camera.fix.foot': 'Destape el pie: el talón y los dedos deben verse.',
  'camera.good': 'Buena imagen. Mantenga la cámara quieta.',
  'camera.continue': 'Continuar a la calibración',

  'phone.title': 'Colocar el teléfono en el pie',
  'phone.permission': 'Permitir el sensor de movimiento',
  'phone.permissionHelp':
    'La aplicación necesita el sensor de movimiento del teléfono para medir el ángulo del tobillo. Nada sale de este teléfono.',
  'phone.denied': 'El sensor de movimiento no está disponible: {reason}. Puede usar solo ritmo.',
  'phone.place':
    'Ponga el teléfono plano sobre el empeine, con la pantalla hacia arriba y la parte superior hacia los dedos. Un calcetín o una cinta suave ayudan a sujetarlo.',
  'phone.still': 'Mantenga el pie relajado y quieto…',
  'phone.stillOk': 'Quieto: listo.',
  'phone.noData': 'Aún no hay datos de movimiento. Compruebe que el teléfono está sobre el pie.',
  'phone.continue': 'Continuar a la calibración',

  'calib.title': 'Medir su amplitud',
  'calib.relax': 'Relaje el pie y manténgalo quieto.',
  'calib.down': 'Estire las puntas hacia abajo hasta donde le resulte cómodo, y mantenga.',
  'calib.up': 'Lleve las puntas hacia la espinilla hasta donde le resulte cómodo, y mantenga.',
  'calib.start': 'Empezar a medir',
  'calib.result': 'Su amplitud: puntas abajo {down}°, puntas arriba {up}°, total {total}°.',
  'calib.estimate':
    'Los ángulos de la cámara son estimaciones aproximadas: en vídeos de prueba de personas con las que no se ajustó solían desviarse unos 15°, a veces mucho más. Úselos para seguir su progreso, no como una medición.',
  'calib.continue': 'Empezar el ejercicio',
  'calib.retry': 'Medir otra vez',
  'calib.skip': 'Omitir: aprender mi amplitud con las primeras repeticiones',
  'calib.staleCamera':
    'Su medición anterior se hizo con la cámara en otro lugar, así que ahora no se usa. Mida otra vez para que los grados se ajusten a esta vista, u omita este paso.',
  'calib.phoneChecked': 'Los grados de esta vista de la cámara se comprobaron con su teléfono sobre el pie.',
  'phoneCheck.title': 'Comprobar los grados de una cámara con este teléfono',
  'phoneCheck.why':
    'Los grados de una cámara dependen de dónde está y de su cuerpo: en vídeos de prueba a menudo se desviaban 10° o más. Este teléfono, apoyado en su pie, mide el ángulo directamente. Unos bombeos vistos por los dos hacen que los grados de la cámara coincidan con los del teléfono, para esa vista de la cámara. No se envía nada: este teléfono muestra un código y la cámara lo lee.',
  'phoneCheck.step1':
    'En el dispositivo con la cámara, prepare la cámara; en su pantalla «Medir su amplitud», pulse «Comprobar los grados con su teléfono».',
  'phoneCheck.step2':
    'Apoye este teléfono plano sobre el pie que ve la cámara, con la pantalla hacia arriba y la parte superior hacia los dedos.',
  'phoneCheck.foot': '¿En qué pie está el teléfono?',
  'phoneCheck.step3': 'Pulse Empezar aquí y haga de 3 a 5 bombeos lentos, manteniendo en cada extremo.',
  'phoneCheck.step4':
    'Pulse «Mostrar el código» y ponga esta pantalla delante de la cámara, a unos 30 cm, hasta que la cámara diga que lo ha leído.',
  'phoneCheck.start': 'Empezar',
  'phoneCheck.again': 'Empezar otra vez',
  'phoneCheck.counted': 'Bombeos contados por el teléfono: {count}',
  'phoneCheck.show': 'Mostrar el código',
  'phoneCheck.hold': 'Ponga esta pantalla delante de la cámara.',
  'phoneCheck.codeLabel': 'Código con los {count} bombeos que midió este teléfono, para que lo lea la cámara',
  'phoneCheck.cameraTitle': 'Comprobar los grados con su teléfono (opcional)',
  'phoneCheck.cameraHow':
    'Los grados de la cámara son estimaciones. Si tiene un teléfono, abra esta aplicación en él y elija «Comprobar los grados de una cámara con este teléfono», apóyelo en el pie que ve la cámara, pulse Empezar en los dos y haga de 3 a 5 bombeos lentos. Después muestre el código del teléfono a esta cámara.',
  'phoneCheck.cameraStart': 'Comprobar los grados con su teléfono',
  'phoneCheck.watching':
    'Bombeos contados por la cámara: {count}. Cuando termine, muestre el código del teléfono a la cámara.',
  'phoneCheck.done':
    'Hecho: los grados de esta cámara coinciden ahora con los de su teléfono (×{gain}, de {reps} bombeos que vieron los dos). Vale mientras la cámara siga en el mismo sitio.',
  'phoneCheck.tooFew':
    'Los grados no cambiaron: la cámara o el teléfono contaron menos de 3 bombeos. Haga de 3 a 5 bombeos lentos mientras los dos miran, e inténtelo otra vez.',
  'phoneCheck.notLinedUp':
    'Los grados no cambiaron: los bombeos que contaron el teléfono y la cámara no eran los mismos. Ponga en marcha los dos primero y luego haga los bombeos.',
  'phoneCheck.disagree':
    'Los grados no cambiaron: el teléfono y la cámara no coincidían de un bombeo a otro. Puede que la cámara o el teléfono se hayan movido; inténtelo otra vez.',
  'phoneCheck.otherFootGain':
    'Los grados no cambiaron: los bombeos del teléfono son demasiado distintos de los de la cámara para ser del mismo pie. ¿Está el teléfono en el pie que ve la cámara?',
  'phoneCheck.otherFoot':
    'El teléfono estaba preparado para su pie {phone}, pero la cámara ve su pie {camera}. Compruebe en los ajustes de los dos dispositivos qué pie va primero e inténtelo otra vez.',
  'phoneCheck.moreReps':
    'La cámara ha contado {count} bombeos hasta ahora: necesita al menos 3 de los mismos bombeos que el teléfono. Haga algunos más y muestre el código otra vez.',
  'phoneCheck.noCode':
    'La cámara no vio el código del teléfono. Ponga la pantalla del teléfono delante de la cámara, a unos 30 cm, e inténtelo otra vez.',

  'session.title': 'Ejercicio',
  'session.foot.left': 'Pie izquierdo',
  'session.foot.right': 'Pie derecho',
  'session.rep': '{n} de {total} hechas',
  'session.set': 'Serie {n} de {total}',
  'session.camera.switch': 'Gire la cámara al otro lado para que vea la otra pierna de lado.',
  'session.manualRep': 'Hice una (contar a mano)',
  'session.tracking':
    'Seguimiento: {fps} imágenes por segundo; pie seguido el {seen} % de los últimos segundos.',
  'session.trackingSlow':
    'La cámara analiza muy pocas imágenes por segundo para contar cada bombeo: se perderán algunos. Hágalo más despacio o pulse «Hice una» por cada bombeo que no cuente.',
  'session.trackingLost':
    'No se ve el pie: ahora no se cuentan los bombeos. Compruebe que todo el pie sale en la imagen.',
  'session.trackingFallback':
    'La cámara no puede seguir el pie en este momento: los bombeos se siguen contando, pero no se miden sus grados y el ángulo que se muestra es aproximado. Mantenga el pie descubierto y dentro de la imagen.',
  'session.trackingBack': 'Se vuelve a seguir el pie: los bombeos se cuentan y se miden.',
  'session.sourceFailed':
    'No se pudo iniciar la comprobación del movimiento. Toque «Hice una» después de cada bombeo para contarlo.',
  'session.pain': 'Dolor – parar',
  'session.pause': 'Pausa',
  'session.resume': 'Seguir',
  'session.slower': 'Más despacio',
  'session.faster': 'Más rápido',
  'session.tempo': 'Ritmo: {pct}%',
  'session.stop': 'Terminar la sesión',
  'session.angle': 'Ángulo del tobillo',
  'session.angleDown': '{deg}° punta abajo',
  'session.angleUp': '{deg}° punta arriba',
  'session.angleEstimate': 'estimación',
  'session.warn.legMoved': 'Mantenga la pierna quieta; solo se mueve el tobillo.',
  'session.warn.footLost': 'El pie no se ve.',
  'session.warn.shallow': 'Intente moverse un poco más, si le resulta cómodo.',
  'session.warn.noisy':
    'El ángulo es demasiado inestable para contar bombeos pequeños o rápidos. Mantenga cada extremo un segundo; también ayudan más luz, el pie entero a la vista y un teléfono o cámara fijos.',
  'session.warn.uncounted':
    'Esos movimientos fueron demasiado rápidos para contarlos como bombeos. Muévase más despacio y mantenga un segundo con los dedos hacia abajo y otro con los dedos hacia arriba.',
  'session.warn.movedBeforeRest':
    'El conteo empieza cuando el pie ha descansado un momento: los movimientos anteriores no se contaron. Deje el pie quieto y luego empiece los bombeos.',
  'session.warn.sensorLimit':
    'Ese bombeo fue demasiado rápido para que el teléfono mida sus grados (sí se cuenta). Mueva el pie más despacio.',
  'session.warn.wrongSide':
    'La cámara está del otro lado: ve la pierna que no está ejercitando. Póngala del lado del pie que ejercita ahora.',
  'session.warn.viewChanged':
    'La cámara se movió. El conteo sigue, pero los grados pueden no ser exactos: vuelva a ponerla donde estaba o calibre de nuevo más tarde.',
  'session.painTitle': 'Sesión detenida por dolor',
  'session.painAsk': '¿Cuánto duele, de 0 a 10?',
  'session.painSharp':
    'Dolor agudo o que empeora: no continúe hoy. Hable con su médico o fisioterapeuta. Si la pierna está hinchada, roja o caliente, o le falta el aire, busque atención médica ahora.',

  'summary.title': 'Resumen',
  'summary.saved': 'Guardado en este dispositivo.',
  'summary.stoppedPain': 'Detenida por dolor.',
  'summary.aborted': 'Terminada antes de tiempo.',
  'summary.completed': 'Completada.',
  'summary.full': 'Repeticiones completas',
  'summary.paced': 'Repeticiones al ritmo del temporizador (sin comprobar)',
  'summary.warningsSession': 'Avisos de toda la sesión',
  'summary.shallow': 'Repeticiones cortas',
  'summary.range': 'Amplitud (°)',
  'summary.holds': 'Pausas cumplidas',
  'summary.manual': 'De ellas, contadas a mano',
  'summary.viewChanged':
    'La cámara se movió durante esta sesión: los grados a partir de entonces son de otra vista, así que no se cuentan en su amplitud a lo largo del tiempo.',
  'summary.warnings': 'Avisos',
  'summary.ofReps': '{n} de {total} repeticiones',
  'summary.warnNone': 'ninguno',
  'summary.warnCount': '{n} × {what}',
  'summary.warn.shallow-rep': 'demasiado pequeña',
  'summary.warn.hold-short': 'mantenida poco tiempo',
  'summary.warn.leg-moved': 'pierna movida',
  'summary.warn.wrong-foot': 'pie equivocado',
  'summary.warn.pain-reported': 'dolor indicado',
  'summary.painBefore': 'Dolor antes: {n}/10',
  'summary.painAfter': 'Dolor después, de 0 a 10',
  'summary.painAfterValue': 'Dolor después: {n}/10',
  'summary.home': 'Volver al inicio',

  'history.title': 'Historial',
  'history.today': 'Hoy: {done} de {planned} sesiones',
  'history.calendar': 'Últimas 4 semanas',
  'history.calendarDay': '{date}: {done} de {planned}',
  'history.range': 'Amplitud de movimiento por pie (°)',
  'history.rangeNone':
    'Aún no hay amplitud: se mide cuando la cámara o el teléfono sobre el pie comprueban una sesión.',
  'history.rangeLeftOut': 'Las sesiones en las que la cámara se movió no entran en este gráfico: {n}.',
  'history.pain': 'Dolor (0-10)',
  'history.rangeSummary':
    'Amplitud mediana de cada sesión con sensor ({n}); la última: izquierdo {left}, derecho {right}.',
  'history.painSummary': 'Dolor indicado en cada sesión ({n}); el último: {pain} de 10.',
  'history.table': 'Ver como tabla',
  'history.date': 'Fecha',
  'history.none': 'Todavía no hay sesiones.',
  'history.painBefore': 'Dolor antes',
  'history.painAfter': 'Dolor después',
  'history.next': 'Próximo recordatorio: {time}',
  'history.ics': 'Añadir recordatorios a mi calendario (.ics)',
  'history.export': 'Exportar todos mis datos (JSON)',
  'history.outbox': '{n} registros esperan para enviarse a su clínica.',

  'foot.left': 'izquierdo',
  'foot.right': 'derecho',
  'lang.en': 'English',
  'lang.zh': '简体中文',
  'lang.es': 'Español',
};
