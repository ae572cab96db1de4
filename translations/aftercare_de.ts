<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AppointmentImport</name>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="114" />
            <source>duration_minutes: %1 is not a length of time.</source>
            <translation>duration_minutes: %1 ist keine Dauer.</translation>
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="117" />
            <source>end: %1 is not after the start %2.</source>
            <translation>end: %1 liegt nicht nach dem Beginn %2.</translation>
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="119" />
            <source>end and duration_minutes disagree: from %1 to %2 is not %3 minutes.</source>
            <translation>end und duration_minutes widersprechen sich: von %1 bis %2 sind es nicht %3 Minuten.</translation>
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="129" />
            <source>Neither end nor duration_minutes is given, and the service "%1" is new, so the length of the appointment is unknown.</source>
            <translation>Weder end noch duration_minutes ist angegeben, und die Leistung „%1“ ist neu – die Dauer des Termins ist daher unbekannt.</translation>
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="135" />
            <source>cancelled_at: given, but the status is %1, not cancelled.</source>
            <translation>cancelled_at: angegeben, aber der Status ist %1, nicht cancelled.</translation>
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="156" />
            <source>external_id: "%1" appears already on line %2 with different values; a file holds each appointment once.</source>
            <translation>external_id: „%1“ steht bereits in Zeile %2 mit anderen Werten; eine Datei enthält jeden Termin nur einmal.</translation>
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="171" />
            <source>The booking overlaps the active appointment %1 (%2 to %3) of the same practitioner; only history (completed, cancelled, no_show) may overlap.</source>
            <translation>Die Buchung überschneidet sich mit dem aktiven Termin %1 (%2 bis %3) derselben Behandlerin bzw. desselben Behandlers; überschneiden darf sich nur Vergangenes (completed, cancelled, no_show).</translation>
        </message>
    </context>
    <context>
        <name>AppointmentRepository</name>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="87" />
            <source>%1 already has an appointment on %2 from %3 to %4: %5, %6.</source>
            <translation>%1 hat am %2 von %3 bis %4 bereits einen Termin: %5, %6.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="155" />
            <source>An appointment needs a client, a practitioner and a service.</source>
            <translation>Ein Termin braucht eine Klientin bzw. einen Klienten, eine Behandlerin bzw. einen Behandler und eine Leistung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="157" />
            <source>An appointment needs a start time.</source>
            <translation>Ein Termin braucht eine Anfangszeit.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="166" />
            <source>There is no service with the number %1.</source>
            <translation>Es gibt keine Leistung mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="171" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="328" />
            <source>An appointment must end after it starts.</source>
            <translation>Ein Termin muss nach seinem Beginn enden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="174" />
            <source>A price cannot be negative.</source>
            <translation>Ein Preis kann nicht negativ sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="183" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="338" />
            <source>There is no practitioner with the number %1.</source>
            <translation>Es gibt keine Behandlerin und keinen Behandler mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="186" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="340" />
            <source>This practitioner no longer takes appointments.</source>
            <translation>Diese Behandlerin bzw. dieser Behandler nimmt keine Termine mehr an.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="222" />
            <source>An appointment with the id %1 exists already.</source>
            <translation>Ein Termin mit der Kennung %1 existiert bereits.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="227" />
            <source>The database did not return the new appointment's id.</source>
            <translation>Die Datenbank hat die Nummer des neuen Termins nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="238" />
            <source>There is no appointment with the number %1.</source>
            <translation>Es gibt keinen Termin mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="250" />
            <source>There is no appointment with the id %1.</source>
            <translation>Es gibt keinen Termin mit der Kennung %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="265" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="286" />
            <source>appointment</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="326" />
            <source>A new time needs a start, an end and a practitioner.</source>
            <translation>Eine neue Zeit braucht Beginn, Ende und eine Behandlerin bzw. einen Behandler.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="355" />
            <source>Only a booked, confirmed or checked-in appointment can be moved.</source>
            <translation>Nur ein gebuchter, bestätigter oder eingecheckter Termin kann verschoben werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="373" />
            <source>Only a booked appointment can be confirmed.</source>
            <translation>Nur ein gebuchter Termin kann bestätigt werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="390" />
            <source>Only a booked or confirmed appointment can be checked in.</source>
            <translation>Nur ein gebuchter oder bestätigter Termin kann eingecheckt werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="409" />
            <source>Only a booked, confirmed or checked-in appointment can be completed.</source>
            <translation>Nur ein gebuchter, bestätigter oder eingecheckter Termin kann abgeschlossen werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="430" />
            <source>Only a booked, confirmed or checked-in appointment can be cancelled.</source>
            <translation>Nur ein gebuchter, bestätigter oder eingecheckter Termin kann abgesagt werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="447" />
            <source>Only a booked or confirmed appointment can be marked as a no-show.</source>
            <translation>Nur ein gebuchter oder bestätigter Termin kann als „nicht erschienen“ markiert werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="464" />
            <source>An appointment taken back becomes booked, confirmed or checked in again.</source>
            <translation>Ein zurückgenommener Termin wird wieder gebucht, bestätigt oder eingecheckt.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="479" />
            <source>Only a no-show or a completed visit can be taken back.</source>
            <translation>Nur ein Nichterscheinen oder ein abgeschlossener Besuch kann zurückgenommen werden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="489" />
            <source>Only a booked or confirmed appointment needs a reminder.</source>
            <translation>Nur ein gebuchter oder bestätigter Termin braucht eine Erinnerung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="426" />
            <source>Please give a reason for the cancellation.</source>
            <translation>Bitte geben Sie einen Grund für die Absage an.</translation>
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="513" />
            <source>The period's first day must not lie after its last day.</source>
            <translation>Der erste Tag des Zeitraums darf nicht nach dem letzten liegen.</translation>
        </message>
    </context>
    <context>
        <name>BackupCommand</name>
        <message>
            <location filename="../app/backupcommand.cpp" line="33" />
            <source>%1: name exactly one FILE.</source>
            <translation>%1: Geben Sie genau eine DATEI an.</translation>
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="52" />
            <source>Backed up %1 to %2.</source>
            <translation>%1 wurde nach %2 gesichert.</translation>
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="90" />
            <source>Restored %2 into the new practice file %1 (schema version %3).</source>
            <translation>%2 in die neue Praxisdatei %1 wiederhergestellt (Schemaversion %3).</translation>
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="91" />
            <source>Restored %1 from %2 (schema version %3).</source>
            <translation>%1 wurde aus %2 wiederhergestellt (Schemaversion %3).</translation>
        </message>
    </context>
    <context>
        <name>BookingDesk</name>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="49" />
            <source>Booked</source>
            <translation>Gebucht</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="50" />
            <source>Double-booked: %1</source>
            <translation>Doppelt gebucht: %1</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="74" />
            <source>Moved from %1 to %2</source>
            <translation>Verschoben von %1 auf %2</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="85" />
            <source>Please give a reason for the cancellation.</source>
            <translation>Bitte geben Sie einen Grund für die Absage an.</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="101" />
            <source>Did not come</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="112" />
            <source>Taken back: marked as a no-show by mistake</source>
            <translation>Zurückgenommen: versehentlich als nicht erschienen markiert</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="122" />
            <source>Checked in</source>
            <translation>Eingecheckt</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="132" />
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="138" />
            <source>Completion taken back: recorded by mistake</source>
            <translation>Abschluss zurückgenommen: versehentlich erfasst</translation>
        </message>
    </context>
    <context>
        <name>CallService</name>
        <message>
            <location filename="../core/desk/callservice.cpp" line="265" />
            <source>An answer can only be taken from a client reached.</source>
            <translation>Eine Antwort lässt sich nur von einer erreichten Person aufnehmen.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="270" />
            <source>The client was not reached: say why the task is closed all the same.</source>
            <translation>Die Person wurde nicht erreicht: Geben Sie an, warum die Aufgabe trotzdem geschlossen wird.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="273" />
            <location filename="../core/desk/callservice.cpp" line="474" />
            <location filename="../core/desk/callservice.cpp" line="514" />
            <source>Say how the client's concern was resolved before closing the case.</source>
            <translation>Geben Sie an, wie das Anliegen gelöst wurde, bevor Sie den Fall schließen.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="277" />
            <source>An appointment is booked with a client reached.</source>
            <translation>Ein Termin wird mit einer erreichten Person gebucht.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="279" />
            <source>Choose the appointment to book.</source>
            <translation>Wählen Sie den Termin, der gebucht werden soll.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="281" />
            <source>The appointment is for another client.</source>
            <translation>Der Termin gehört zu einer anderen Person.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="285" />
            <source>Say whom to hand the task to.</source>
            <translation>Geben Sie an, an wen die Aufgabe übergeben wird.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="289" />
            <location filename="../core/desk/callservice.cpp" line="456" />
            <source>This task is a letter already.</source>
            <translation>Diese Aufgabe ist bereits ein Brief.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="308" />
            <source>Hand the task over to a clinician of the practice.</source>
            <translation>Übergeben Sie die Aufgabe an eine Behandlerin oder einen Behandler der Praxis.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="367" />
            <source>Booked an appointment in the call.</source>
            <translation>Im Gespräch wurde ein Termin gebucht.</translation>
        </message>
        <message numerus="yes">
            <location filename="../core/desk/callservice.cpp" line="444" />
            <source>Not reached by phone (%n unanswered calls); a letter follows.</source>
            <translation>
                <numerusform>Telefonisch nicht erreicht (%n unbeantworteter Anruf); ein Brief folgt.</numerusform>
                <numerusform>Telefonisch nicht erreicht (%n unbeantwortete Anrufe); ein Brief folgt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="471" />
            <source>Write to the client by email or by letter.</source>
            <translation>Schreiben Sie der Person per E-Mail oder per Brief.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="481" />
            <source>There is no email address for this client: write a letter instead.</source>
            <translation>Für diese Person ist keine E-Mail-Adresse hinterlegt: Schreiben Sie stattdessen einen Brief.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="485" />
            <source>Written to by email.</source>
            <translation>Per E-Mail angeschrieben.</translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="486" />
            <source>Written to by letter.</source>
            <translation>Per Brief angeschrieben.</translation>
        </message>
    </context>
    <context>
        <name>ClientImport</name>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="170" />
            <source>date_of_birth: %1 lies in the future.</source>
            <translation>date_of_birth: %1 liegt in der Zukunft.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="176" />
            <source>email: "%1" is not an e-mail address.</source>
            <translation>email: „%1“ ist keine E-Mail-Adresse.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="182" />
            <source>phone: "%1" is not a telephone number.</source>
            <translation>phone: „%1“ ist keine Telefonnummer.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="188" />
            <source>referred_by: a client cannot have referred themselves.</source>
            <translation>referred_by: Niemand kann sich selbst empfohlen haben.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="194" />
            <source>preferred_channel: e-mail is preferred, but the row has no e-mail address.</source>
            <translation>preferred_channel: E-Mail ist bevorzugt, aber die Zeile enthält keine E-Mail-Adresse.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="205" />
            <source>external_id: "%1" appears already on line %2 with different values; a file holds each client once.</source>
            <translation>external_id: „%1“ steht bereits in Zeile %2 mit anderen Werten; eine Datei enthält jede Klientin und jeden Klienten nur einmal.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="233" />
            <source>referred_by: there is no client with the external_id "%1" in the database or in this file.</source>
            <translation>referred_by: Weder in der Datenbank noch in dieser Datei gibt es eine Klientin oder einen Klienten mit der external_id „%1“.</translation>
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="237" />
            <source>referred_by: the client "%1" on line %2 was not imported.</source>
            <translation>referred_by: „%1“ aus Zeile %2 wurde nicht importiert.</translation>
        </message>
    </context>
    <context>
        <name>ClientRecordExport</name>
        <message>
            <location filename="../core/exporting/clientrecordexport.cpp" line="197" />
            <source>There is no client with the number %1.</source>
            <translation>Es gibt keine Klientin und keinen Klienten mit der Nummer %1.</translation>
        </message>
    </context>
    <context>
        <name>ClientRepository</name>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="58" />
            <source>A client needs a first and a last name.</source>
            <translation>Eine Klientin bzw. ein Klient braucht Vor- und Nachnamen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="60" />
            <source>The date of birth lies in the future.</source>
            <translation>Das Geburtsdatum liegt in der Zukunft.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="62" />
            <source>A client cannot have referred themselves.</source>
            <translation>Niemand kann sich selbst empfohlen haben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="65" />
            <source>E-mail is the preferred channel, but there is no e-mail address.</source>
            <translation>E-Mail ist der bevorzugte Weg, aber es gibt keine E-Mail-Adresse.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="106" />
            <source>A client with the id %1 exists already.</source>
            <translation>Es gibt bereits eine Klientin oder einen Klienten mit der Kennung %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="111" />
            <source>The database did not return the new client's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Klientin bzw. des neuen Klienten nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="123" />
            <source>There is no client with the number %1.</source>
            <translation>Es gibt keine Klientin und keinen Klienten mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="135" />
            <source>There is no client with the id %1.</source>
            <translation>Es gibt keine Klientin und keinen Klienten mit der Kennung %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="166" />
            <source>client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="190" />
            <source>A consent must belong to a client.</source>
            <translation>Eine Einwilligung muss zu einer Klientin oder einem Klienten gehören.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="203" />
            <source>The database did not return the new consent's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Einwilligung nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="218" />
            <source>This consent was already withdrawn or does not exist.</source>
            <translation>Diese Einwilligung wurde bereits widerrufen oder existiert nicht.</translation>
        </message>
    </context>
    <context>
        <name>ClientSearch</name>
        <message>
            <location filename="../core/search/clientsearch.cpp" line="172" />
            <location filename="../core/search/clientsearch.cpp" line="179" />
            <source>The client search failed.</source>
            <translation>Die Suche nach Klientinnen und Klienten ist fehlgeschlagen.</translation>
        </message>
    </context>
    <context>
        <name>CommandLineParser</name>
        <message>
            <location filename="../app/commandline.cpp" line="19" />
            <source>%1 needs a value.</source>
            <translation>%1 braucht einen Wert.</translation>
        </message>
        <message>
            <location filename="../app/commandline.cpp" line="41" />
            <source>Unknown option %1.</source>
            <translation>Unbekannte Option %1.</translation>
        </message>
        <message>
            <location filename="../app/commandline.cpp" line="61" />
            <source>Usage:
  aftercare [--database URL] [--lang CODE]            open the desktop application
  aftercare [--database URL] demo --clients N --years Y [--seed S] [--today YYYY-MM-DD]
  aftercare [--database URL] import clients|appointments|feedback|results|invoices FILE.csv
                                      [--dry-run]
  aftercare [--database URL] report (--month YYYY-MM | --from D --to D) --format json|csv|pdf
                                      --out FILE
  aftercare [--database URL] backup FILE
  aftercare [--database URL] restore FILE
  aftercare [--database URL] compact
  aftercare [--database URL] export client EXTERNAL_ID --out FILE.json

URL: a file path or sqlite:PATH, or postgresql://user:password@host:port/dbname.
Default: the AFTERCARE_DATABASE environment variable, else aftercare.db in the
application-data folder. A practice file that does not exist is an error; only demo
and restore make one.
</source>
            <translation>Aufruf:
  aftercare [--database URL] [--lang CODE]            Desktop-Anwendung öffnen
  aftercare [--database URL] demo --clients N --years Y [--seed S] [--today JJJJ-MM-TT]
  aftercare [--database URL] import clients|appointments|feedback|results|invoices DATEI.csv
                                      [--dry-run]
  aftercare [--database URL] report (--month JJJJ-MM | --from D --to D) --format json|csv|pdf
                                      --out DATEI
  aftercare [--database URL] backup DATEI
  aftercare [--database URL] restore DATEI
  aftercare [--database URL] compact
  aftercare [--database URL] export client EXTERNE_NUMMER --out DATEI.json

URL: ein Dateipfad oder sqlite:PFAD, oder postgresql://benutzer:passwort@host:port/datenbank.
Standard: die Umgebungsvariable AFTERCARE_DATABASE, sonst aftercare.db im
Anwendungsdatenordner. Eine Praxisdatei, die es nicht gibt, ist ein Fehler; nur demo
und restore legen eine an.
</translation>
        </message>
    </context>
    <context>
        <name>CommandSupport</name>
        <message>
            <location filename="../app/commandsupport.cpp" line="30" />
            <source>Warning: other users of this computer can read the practice's health data in %1; to keep it to yourself: chmod 600 %2</source>
            <translation>Warnung: Andere Benutzer dieses Computers können die Gesundheitsdaten der Praxis in %1 lesen; so bleiben sie bei Ihnen: chmod 600 %2</translation>
        </message>
        <message>
            <location filename="../app/commandsupport.cpp" line="49" />
            <source>Upgraded the database from schema version %1 to %2; the previous file was kept as %3.</source>
            <translation>Die Datenbank wurde von Schemaversion %1 auf %2 aktualisiert; die vorherige Datei wurde als %3 aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../app/commandsupport.cpp" line="63" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>CompactCommand</name>
        <message>
            <location filename="../app/compactcommand.cpp" line="29" />
            <source>compact: unexpected argument %1.</source>
            <translation>compact: unerwartetes Argument %1.</translation>
        </message>
        <message>
            <location filename="../app/compactcommand.cpp" line="47" />
            <source>Compacted %1 in %2 s: %3 MiB before, %4 MiB after.</source>
            <translation>%1 in %2 s verdichtet: %3 MiB vorher, %4 MiB nachher.</translation>
        </message>
        <message>
            <location filename="../app/compactcommand.cpp" line="54" />
            <source>Vacuumed and analysed %1 in %2 s.</source>
            <translation>%1 in %2 s bereinigt (VACUUM) und analysiert.</translation>
        </message>
    </context>
    <context>
        <name>CsvImporter</name>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="90" />
            <source>Cannot open %1: %2</source>
            <translation>%1 lässt sich nicht öffnen: %2</translation>
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="100" />
            <source>Cannot open the file to import: %1</source>
            <translation>Die zu importierende Datei lässt sich nicht öffnen: %1</translation>
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="106" />
            <source>Line %1 is not UTF-8 text; nothing was imported. Save the file as "CSV UTF-8" and import it again.</source>
            <translation>Zeile %1 ist kein UTF-8-Text; es wurde nichts importiert. Speichern Sie die Datei als „CSV UTF-8“ und importieren Sie sie erneut.</translation>
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="208" />
            <source>The file is empty: it has no header row; nothing was imported.</source>
            <translation>Die Datei ist leer: Sie hat keine Kopfzeile; es wurde nichts importiert.</translation>
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="225" />
            <source>The row has %1 fields, but the header row has %2 (is a comma inside a value not enclosed in quotes?).</source>
            <translation>Die Zeile hat %1 Felder, die Kopfzeile aber %2 (steht ein Komma in einem Wert ohne Anführungszeichen?).</translation>
        </message>
    </context>
    <context>
        <name>CsvReader</name>
        <message>
            <location filename="../core/importing/csvreader.cpp" line="47" />
            <source>Line %1, field %2: a quote inside a field that does not start with a quote. Enclose the whole field in quotes and double the quotes inside it.</source>
            <translation>Zeile %1, Feld %2: ein Anführungszeichen in einem Feld, das nicht mit einem Anführungszeichen beginnt. Setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie die Anführungszeichen darin.</translation>
        </message>
        <message>
            <location filename="../core/importing/csvreader.cpp" line="69" />
            <source>Line %1, field %2: text after the closing quote. A quote inside a quoted field must be doubled.</source>
            <translation>Zeile %1, Feld %2: Text nach dem schließenden Anführungszeichen. Ein Anführungszeichen innerhalb eines Feldes in Anführungszeichen muss verdoppelt werden.</translation>
        </message>
        <message>
            <location filename="../core/importing/csvreader.cpp" line="94" />
            <source>Line %1, field %2: the quoted field is never closed (a quote is missing), so the rest of the file was read as part of it.</source>
            <translation>Zeile %1, Feld %2: Das Feld in Anführungszeichen wird nie geschlossen (ein Anführungszeichen fehlt), daher wurde der Rest der Datei als Teil davon gelesen.</translation>
        </message>
    </context>
    <context>
        <name>CsvTable</name>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="8" />
            <source>The header row cannot be read: %1</source>
            <translation>Die Kopfzeile lässt sich nicht lesen: %1</translation>
        </message>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="17" />
            <source>The column "%1" appears twice in the header row, so it is unclear which one to read.</source>
            <translation>Die Spalte „%1“ steht zweimal in der Kopfzeile; es ist unklar, welche gelesen werden soll.</translation>
        </message>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="28" />
            <source>The required column "%1" is missing from the header row; nothing was imported.</source>
            <translation>Die Pflichtspalte „%1“ fehlt in der Kopfzeile; es wurde nichts importiert.</translation>
        </message>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="32" />
            <source>The required columns %1 are missing from the header row; nothing was imported.</source>
            <translation>Die Pflichtspalten %1 fehlen in der Kopfzeile; es wurde nichts importiert.</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <location filename="../core/database/database.cpp" line="67" />
            <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
            <translation>Der SQLite-Treiber für Qt ist nicht installiert (libqt6sql6-sqlite).</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="68" />
            <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
            <translation>Der PostgreSQL-Treiber für Qt ist nicht installiert (libqt6sql6-psql).</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="78" />
            <source>There is no practice file %1 (check the path).</source>
            <translation>Es gibt keine Praxisdatei %1 (bitte den Pfad prüfen).</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="96" />
            <source>Cannot open the database %1.</source>
            <translation>Die Datenbank %1 lässt sich nicht öffnen.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="125" />
            <source>The database could not prepare a statement.</source>
            <translation>Die Datenbank konnte eine Anweisung nicht vorbereiten.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="136" />
            <source>The database refused a statement.</source>
            <translation>Die Datenbank hat eine Anweisung abgelehnt.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="171" />
            <source>The SQLite connection has no native handle.</source>
            <translation>Die SQLite-Verbindung hat kein natives Handle.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="176" />
            <location filename="../core/database/database.cpp" line="187" />
            <source>The database refused the schema change.</source>
            <translation>Die Datenbank hat die Schemaänderung abgelehnt.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="214" />
            <source>An in-memory database cannot be opened a second time.</source>
            <translation>Eine Datenbank im Arbeitsspeicher kann nicht ein zweites Mal geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="233" />
            <source>The database could not start a transaction.</source>
            <translation>Die Datenbank konnte keine Transaktion beginnen.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="248" />
            <location filename="../core/database/database.cpp" line="263" />
            <source>The time overlaps another active appointment of the same practitioner.</source>
            <translation>Die Zeit überschneidet sich mit einem anderen aktiven Termin derselben Behandlerin bzw. desselben Behandlers.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="251" />
            <location filename="../core/database/database.cpp" line="266" />
            <source>A record with the same key exists already.</source>
            <translation>Ein Eintrag mit demselben Schlüssel existiert bereits.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="254" />
            <location filename="../core/database/database.cpp" line="270" />
            <source>The database refused values that break its rules.</source>
            <translation>Die Datenbank hat Werte abgelehnt, die gegen ihre Regeln verstoßen.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="256" />
            <source>The database server cannot be reached: %1</source>
            <translation>Der Datenbankserver ist nicht erreichbar: %1</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="305" />
            <source>The transaction was already closed.</source>
            <translation>Die Transaktion war bereits abgeschlossen.</translation>
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="309" />
            <source>The database could not save the changes.</source>
            <translation>Die Datenbank konnte die Änderungen nicht speichern.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseBackup</name>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="61" />
            <location filename="../core/database/databasebackup.cpp" line="93" />
            <source>Cannot move the finished backup to %1.</source>
            <translation>Die fertige Sicherung lässt sich nicht nach %1 verschieben.</translation>
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="63" />
            <location filename="../core/database/databasebackup.cpp" line="68" />
            <source>There is no backup file %1.</source>
            <translation>Es gibt keine Sicherungsdatei %1.</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="88" />
            <source>Cannot write the backup to %1.</source>
            <translation>Die Sicherung lässt sich nicht nach %1 schreiben.</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="101" />
            <source>The SQLite connection has no native handle.</source>
            <translation>Die SQLite-Verbindung hat kein natives Handle.</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="109" />
            <source>%1 is not a readable Aftercare backup.</source>
            <translation>%1 ist keine lesbare Aftercare-Sicherung.</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="123" />
            <source>%1 is not an Aftercare backup.</source>
            <translation>%1 ist keine Aftercare-Sicherung.</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="129" />
            <source>The backup %1 was written by a newer Aftercare (schema version %2; this one knows up to %3).</source>
            <translation>Die Sicherung %1 stammt von einer neueren Aftercare-Version (Schemaversion %2; diese Version kennt bis %3).</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="140" />
            <location filename="../core/database/databasebackup.cpp" line="151" />
            <source>The database could not be restored.</source>
            <translation>Die Datenbank konnte nicht wiederhergestellt werden.</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="161" />
            <source>%1 is not installed (package postgresql-client).</source>
            <translation>%1 ist nicht installiert (Paket postgresql-client).</translation>
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="178" />
            <source>%1 failed.</source>
            <translation>%1 ist fehlgeschlagen.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseCompaction</name>
        <message>
            <location filename="../core/maintenance/databasecompaction.cpp" line="79" />
            <source>The database holds no practice.</source>
            <translation>Die Datenbank enthält keine Praxis.</translation>
        </message>
        <message>
            <location filename="../core/maintenance/databasecompaction.cpp" line="98" />
            <source>The database could not be compacted; it is unchanged.</source>
            <translation>Die Datenbank konnte nicht verdichtet werden; sie ist unverändert.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseUrl</name>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="14" />
            <source>The database location is empty.</source>
            <translation>Der Ort der Datenbank ist leer.</translation>
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="20" />
            <source>"%1" is not a PostgreSQL address of the form postgresql://user:password@host:port/dbname.</source>
            <translation>„%1“ ist keine PostgreSQL-Adresse der Form postgresql://benutzer:passwort@host:port/datenbank.</translation>
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="32" />
            <source>The PostgreSQL address names no database: add /dbname after the host.</source>
            <translation>Die PostgreSQL-Adresse nennt keine Datenbank: Ergänzen Sie /datenbank nach dem Host.</translation>
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="42" />
            <source>The SQLite address names no file.</source>
            <translation>Die SQLite-Adresse nennt keine Datei.</translation>
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="45" />
            <source>"%1" is neither a file path nor a postgresql:// address.</source>
            <translation>„%1“ ist weder ein Dateipfad noch eine postgresql://-Adresse.</translation>
        </message>
    </context>
    <context>
        <name>DayListDocument</name>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="25" />
            <source>Day list, %1</source>
            <translation>Tagesliste, %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/daylistdocument.cpp" line="43" />
            <source>%1 (%n appointments)</source>
            <translation>
                <numerusform>%1 (%n Termin)</numerusform>
                <numerusform>%1 (%n Termine)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="48" />
            <source>Nothing booked.</source>
            <translation>Nichts gebucht.</translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="55" />
            <source>Time</source>
            <translation>Uhrzeit</translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="55" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="56" />
            <source>Service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="56" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="57" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/daylistdocument.cpp" line="70" />
            <source>%n cancelled appointments not listed.</source>
            <translation>
                <numerusform>%n abgesagter Termin nicht aufgeführt.</numerusform>
                <numerusform>%n abgesagte Termine nicht aufgeführt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="73" />
            <source>Printed %1</source>
            <translation>Gedruckt am %1</translation>
        </message>
    </context>
    <context>
        <name>DemoBatchExecutor</name>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="104" />
            <source>The demo practice could not be written.</source>
            <translation>Die Demo-Praxis konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="123" />
            <source>The SQLite connection has no native handle.</source>
            <translation>Die SQLite-Verbindung hat kein natives Handle.</translation>
        </message>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="128" />
            <source>The database could not prepare a statement.</source>
            <translation>Die Datenbank konnte eine Anweisung nicht vorbereiten.</translation>
        </message>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="185" />
            <source>The database refused a statement.</source>
            <translation>Die Datenbank hat eine Anweisung abgelehnt.</translation>
        </message>
    </context>
    <context>
        <name>DemoBatchInsert</name>
        <message>
            <location filename="../core/demo/demobatchinsert.cpp" line="19" />
            <source>The demo practice could not be written.</source>
            <translation>Die Demo-Praxis konnte nicht geschrieben werden.</translation>
        </message>
    </context>
    <context>
        <name>DemoCommand</name>
        <message>
            <location filename="../app/democommand.cpp" line="23" />
            <source>Number of clients.</source>
            <translation>Anzahl der Klientinnen und Klienten.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="25" />
            <source>Years of history.</source>
            <translation>Jahre Historie.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="27" />
            <source>Random seed (default 1).</source>
            <translation>Startwert des Zufallsgenerators (Standard 1).</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="30" />
            <source>Last day of the history (default: today).</source>
            <translation>Letzter Tag der Historie (Standard: heute).</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="37" />
            <source>demo: unexpected argument %1.</source>
            <translation>demo: unerwartetes Argument %1.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="45" />
            <source>demo: --clients N and --years Y are required.</source>
            <translation>demo: --clients N und --years Y sind erforderlich.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="50" />
            <source>demo: --clients takes a whole number from 1 to 1000000.</source>
            <translation>demo: --clients erwartet eine ganze Zahl von 1 bis 1000000.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="55" />
            <source>demo: --years takes a whole number from 1 to 30.</source>
            <translation>demo: --years erwartet eine ganze Zahl von 1 bis 30.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="60" />
            <source>demo: --seed takes a non-negative whole number.</source>
            <translation>demo: --seed erwartet eine nicht negative ganze Zahl.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="66" />
            <source>demo: --today takes a date as YYYY-MM-DD.</source>
            <translation>demo: --today erwartet ein Datum der Form JJJJ-MM-TT.</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="86" />
            <source>[%1%] %2</source>
            <translation>[%1 %] %2</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="94" />
            <source>The practice is written, but its file could not be compacted: %1</source>
            <translation>Die Praxis ist geschrieben, aber ihre Datei konnte nicht verdichtet werden: %1</translation>
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="98" />
            <source>Demo practice written to %1 in %2 s: %3 clients, %4 appointments (%5 completed, %6 no-shows, %7 cancelled, %8 booked ahead), %9 results, %10 follow-up tasks, %11 feedback responses, %12 invoices, %13 touchpoints.</source>
            <translation>Demo-Praxis in %2 s nach %1 geschrieben: %3 Klient/innen, %4 Termine (%5 abgeschlossen, %6 nicht erschienen, %7 abgesagt, %8 im Voraus gebucht), %9 Befunde, %10 Nachsorgeaufgaben, %11 Rückmeldungen, %12 Rechnungen, %13 Kontaktpunkte.</translation>
        </message>
    </context>
    <context>
        <name>DemoPractice</name>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="93" />
            <source>Writing the clients</source>
            <translation>Klientinnen und Klienten werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="94" />
            <source>Writing the consents</source>
            <translation>Einwilligungen werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="95" />
            <source>Writing the appointments</source>
            <translation>Termine werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="96" />
            <location filename="../core/demo/demopractice.cpp" line="97" />
            <source>Writing the test results</source>
            <translation>Befunde werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="98" />
            <source>Writing the feedback</source>
            <translation>Feedback wird geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="99" />
            <location filename="../core/demo/demopractice.cpp" line="100" />
            <location filename="../core/demo/demopractice.cpp" line="101" />
            <source>Writing the invoices</source>
            <translation>Rechnungen werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="102" />
            <source>Writing the touchpoints</source>
            <translation>Kontaktpunkte werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="103" />
            <source>Writing the post-service steps</source>
            <translation>Nachsorgeschritte werden geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="108" />
            <source>Writing the demo practice</source>
            <translation>Demo-Praxis wird geschrieben</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="119" />
            <source>The number of demo clients must be between 1 and 1 000 000.</source>
            <translation>Die Zahl der Demo-Klientinnen und -Klienten muss zwischen 1 und 1 000 000 liegen.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="121" />
            <source>The demo history must span between 1 and 30 years.</source>
            <translation>Die Demo-Historie muss zwischen 1 und 30 Jahre umfassen.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="124" />
            <source>The demo practice needs a valid date to end its history on.</source>
            <translation>Die Demo-Praxis braucht ein gültiges Datum, an dem ihre Historie endet.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="126" />
            <source>Checking the database</source>
            <translation>Datenbank wird geprüft</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="131" />
            <source>The database already holds clients. The demo practice is only written into an empty database.</source>
            <translation>Die Datenbank enthält bereits Klientinnen und Klienten. Die Demo-Praxis wird nur in eine leere Datenbank geschrieben.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="166" />
            <source>Simulating the visits</source>
            <translation>Besuche werden simuliert</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="140" />
            <source>The database already holds practitioners, service types or appointments. The demo practice is only written into an empty database.</source>
            <translation>Die Datenbank enthält bereits Behandelnde, Leistungen oder Termine. Die Demo-Praxis wird nur in eine leere Datenbank geschrieben.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="153" />
            <source>Setting up the demo accounts</source>
            <translation>Demo-Konten werden angelegt</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="170" />
            <source>Following up visits</source>
            <translation>Nachsorge zu den Besuchen wird erstellt</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="216" />
            <source>The database did not return the new user's id.</source>
            <translation>Die Datenbank hat die Nummer des neuen Benutzerkontos nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="317" />
            <source>Writing the demo practice was stopped.</source>
            <translation>Das Schreiben der Demo-Praxis wurde abgebrochen.</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="358" />
            <source>Planning the follow-up work</source>
            <translation>Nachsorgeaufgaben werden geplant</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="401" />
            <source>Compacting the database file</source>
            <translation>Die Datenbankdatei wird verdichtet</translation>
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="405" />
            <source>The demo practice is ready</source>
            <translation>Die Demo-Praxis ist bereit</translation>
        </message>
    </context>
    <context>
        <name>DisplayFormat</name>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="106" />
            <source>d MMM yyyy</source>
            <extracomment>A date in a heading: day, short month name, year (QLocale date format)</extracomment>
            <translation>d. MMM yyyy</translation>
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="110" />
            <source>d</source>
            <extracomment>The first day of a span that ends in the same month (QLocale date format)</extracomment>
            <translation>d.</translation>
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="115" />
            <source>d MMM</source>
            <extracomment>The first day of a span that ends in the same year (QLocale date format)</extracomment>
            <translation>d. MMM</translation>
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="118" />
            <source>%1–%2</source>
            <extracomment>A span of days: %1 its first day, %2 its last; a thin span for days of one month</extracomment>
            <translation>%1–%2</translation>
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="119" />
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
    </context>
    <context>
        <name>ExportCommand</name>
        <message>
            <location filename="../app/exportcommand.cpp" line="25" />
            <source>The JSON file to write.</source>
            <translation>Die zu schreibende JSON-Datei.</translation>
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="33" />
            <source>export: name what to export: client EXTERNAL_ID --out FILE.json.</source>
            <translation>export: Geben Sie an, was exportiert werden soll: client EXTERNE_NUMMER --out DATEI.json.</translation>
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="38" />
            <source>export: --out FILE.json is required.</source>
            <translation>export: --out DATEI.json ist erforderlich.</translation>
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="53" />
            <source>export: %1</source>
            <translation>export: %1</translation>
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="58" />
            <source>export: cannot write %1: %2</source>
            <translation>export: %1 lässt sich nicht schreiben: %2</translation>
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="66" />
            <source>Exported the record of client %1 to %2.</source>
            <translation>Die Akte der Klientin bzw. des Klienten %1 wurde nach %2 exportiert.</translation>
        </message>
    </context>
    <context>
        <name>FeedbackImport</name>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="92" />
            <source>score: %1 is outside the %2 scale %3 to %4.</source>
            <translation>score: %1 liegt außerhalb der %2-Skala von %3 bis %4.</translation>
        </message>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="101" />
            <source>appointment: there is no appointment with the external_id "%1" (import appointments.csv first).</source>
            <translation>appointment: Es gibt keinen Termin mit der external_id „%1“ (importieren Sie zuerst appointments.csv).</translation>
        </message>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="105" />
            <source>appointment: the appointment "%1" belongs to another client.</source>
            <translation>appointment: Der Termin „%1“ gehört zu einer anderen Person.</translation>
        </message>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="123" />
            <source>The answer of client "%1" (%2, %3) appears already on line %4 with different values.</source>
            <translation>Die Antwort von „%1“ (%2, %3) steht bereits in Zeile %4 mit anderen Werten.</translation>
        </message>
    </context>
    <context>
        <name>FeedbackRepository</name>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="32" />
            <source>Feedback must come from a client.</source>
            <translation>Eine Rückmeldung muss von einer Klientin oder einem Klienten stammen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="34" />
            <source>Feedback needs the time of the answer.</source>
            <translation>Eine Rückmeldung braucht den Zeitpunkt der Antwort.</translation>
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="46" />
            <source>This client's answer of %1 is recorded already.</source>
            <translation>Die Antwort dieser Person vom %1 ist bereits erfasst.</translation>
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="52" />
            <source>The database did not return the new answer's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Antwort nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="71" />
            <source>The database holds a score off its scale (answer %1).</source>
            <translation>Die Datenbank enthält eine Bewertung außerhalb der Skala (Antwort %1).</translation>
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="94" />
            <source>There is no answer with the number %1.</source>
            <translation>Es gibt keine Antwort mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="109" />
            <source>The period's first day must not lie after its last day.</source>
            <translation>Der erste Tag des Zeitraums darf nicht nach dem letzten liegen.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpPlanner</name>
        <message>
            <location filename="../core/aftercare/followupplanner.cpp" line="348" />
            <source>Closed: the result was recorded as communicated.</source>
            <translation>Geschlossen: Der Befund wurde als mitgeteilt erfasst.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/followupplanner.cpp" line="378" />
            <source>Closed: the client booked again.</source>
            <translation>Geschlossen: Die Person hat wieder gebucht.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/followupplanner.cpp" line="572" />
            <source>There is no appointment with the number %1.</source>
            <translation>Es gibt keinen Termin mit der Nummer %1.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpTaskRepository</name>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="62" />
            <source>A task must concern a client.</source>
            <translation>Eine Aufgabe muss eine Klientin oder einen Klienten betreffen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="64" />
            <source>A task needs a source key saying why it exists.</source>
            <translation>Eine Aufgabe braucht einen Herkunftsschlüssel, der sagt, warum es sie gibt.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="66" />
            <source>A task needs a due time and a deadline.</source>
            <translation>Eine Aufgabe braucht einen Fälligkeitszeitpunkt und eine Frist.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="69" />
            <source>A task's priority lies between %1 and %2.</source>
            <translation>Die Priorität einer Aufgabe liegt zwischen %1 und %2.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="110" />
            <source>The task for %1 was neither created nor found.</source>
            <translation>Die Aufgabe für %1 wurde weder angelegt noch gefunden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="129" />
            <location filename="../core/repositories/followuptaskrepository.cpp" line="195" />
            <source>There is no task with the number %1.</source>
            <translation>Es gibt keine Aufgabe mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="140" />
            <source>There is no task for %1.</source>
            <translation>Es gibt keine Aufgabe für %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="197" />
            <location filename="../core/repositories/followuptaskrepository.cpp" line="215" />
            <source>task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="199" />
            <source>This task is closed already.</source>
            <translation>Diese Aufgabe ist bereits abgeschlossen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="250" />
            <source>Say when to call again: a time after this call.</source>
            <translation>Geben Sie an, wann erneut angerufen werden soll: einen Zeitpunkt nach diesem Anruf.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="267" />
            <source>The database did not return the new call's id.</source>
            <translation>Die Datenbank hat die Nummer des neuen Anrufs nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="330" />
            <source>Say whom to hand the task to.</source>
            <translation>Geben Sie an, an wen die Aufgabe übergeben wird.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="366" />
            <source>Please say why the task is cancelled.</source>
            <translation>Bitte geben Sie an, warum die Aufgabe abgebrochen wird.</translation>
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="404" />
            <source>A call was logged on this visit's follow-up meanwhile; its completion stays.</source>
            <translation>Zur Nachsorge dieses Besuchs wurde inzwischen ein Anruf erfasst; der Abschluss bleibt bestehen.</translation>
        </message>
    </context>
    <context>
        <name>ImportCommand</name>
        <message>
            <location filename="../app/importcommand.cpp" line="26" />
            <source>Check the file and report what would change, writing nothing.</source>
            <translation>Datei prüfen und melden, was sich ändern würde, ohne etwas zu schreiben.</translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="33" />
            <source>import: name the kind (clients, appointments, feedback, results or invoices) and the CSV file.</source>
            <translation>import: Nennen Sie die Art (clients, appointments, feedback, results oder invoices) und die CSV-Datei.</translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="41" />
            <source>import: "%1" is not one of clients, appointments, feedback, results, invoices.</source>
            <translation>import: „%1“ ist keine der Arten clients, appointments, feedback, results, invoices.</translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="60" />
            <source>[%1%] %2 rows read</source>
            <translation>[%1%] %2 Zeilen gelesen</translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="70" />
            <source>%1:%2: %3</source>
            <translation>%1:%2: %3</translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="73" />
            <source>New practitioner: %1</source>
            <translation>Neue Behandlerin bzw. neuer Behandler: %1</translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="75" />
            <source>New service: %1</source>
            <translation>Neue Leistung: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/importcommand.cpp" line="77" />
            <source>%n follow-up task(s) planned.</source>
            <translation>
                <numerusform>%n Nachsorgeaufgabe geplant.</numerusform>
                <numerusform>%n Nachsorgeaufgaben geplant.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="79" />
            <source>Dry run, nothing written: </source>
            <translation>Probelauf, nichts geschrieben: </translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="80" />
            <source>%1 rows in %2 s: %3 created, %4 updated, %5 unchanged, %6 rejected.</source>
            <translation>%1 Zeilen in %2 s: %3 angelegt, %4 aktualisiert, %5 unverändert, %6 abgelehnt.</translation>
        </message>
    </context>
    <context>
        <name>ImportContext</name>
        <message>
            <location filename="../core/importing/importcontext.cpp" line="64" />
            <location filename="../core/importing/importcontext.cpp" line="174" />
            <location filename="../core/importing/importcontext.cpp" line="195" />
            <source>The database did not return the id of a new row.</source>
            <translation>Die Datenbank hat die Nummer einer neuen Zeile nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/importing/importcontext.cpp" line="94" />
            <source>client: there is no client with the external_id "%1" (import clients.csv first).</source>
            <translation>client: Es gibt keine Klientin und keinen Klienten mit der external_id „%1“ (importieren Sie zuerst clients.csv).</translation>
        </message>
    </context>
    <context>
        <name>ImportRow</name>
        <message>
            <location filename="../core/importing/importrow.cpp" line="28" />
            <source>The required field %1 is empty.</source>
            <translation>Das Pflichtfeld %1 ist leer.</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="34" />
            <source>%1: "%2" is not %3.</source>
            <translation>%1: „%2“ ist nicht %3.</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="41" />
            <source>%1: "%2" is not one of %3.</source>
            <translation>%1: „%2“ ist keiner der Werte %3.</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="51" />
            <source>a date written YYYY-MM-DD</source>
            <translation>ein Datum der Form JJJJ-MM-TT</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="63" />
            <source>a time written YYYY-MM-DDTHH:MM[:SS] (optionally with an offset such as +01:00 or Z) or a date YYYY-MM-DD</source>
            <translation>eine Zeitangabe der Form JJJJ-MM-TTTHH:MM[:SS] (wahlweise mit Zeitversatz wie +01:00 oder Z) oder ein Datum JJJJ-MM-TT</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="75" />
            <source>yes or no</source>
            <translation>yes oder no</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="86" />
            <source>one of female|male|other|unknown or F|M|X|U</source>
            <translation>einer der Werte female|male|other|unknown oder F|M|X|U</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="98" />
            <source>an amount written with a dot and at most two decimals, such as 85.50</source>
            <translation>ein Betrag mit Punkt und höchstens zwei Nachkommastellen, etwa 85.50</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="109" />
            <source>a whole number</source>
            <translation>eine ganze Zahl</translation>
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="120" />
            <source>a number written with a dot, such as 4.7</source>
            <translation>eine Zahl mit Punkt, etwa 4.7</translation>
        </message>
    </context>
    <context>
        <name>InvoiceDesk</name>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="131" />
            <source>There is no invoice with the number %1.</source>
            <translation>Es gibt keine Rechnung mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="191" />
            <source>Invoice %1 is not issued; only an issued or paid invoice is printed.</source>
            <translation>Rechnung %1 ist nicht gestellt; gedruckt wird nur eine gestellte oder bezahlte Rechnung.</translation>
        </message>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="253" />
            <source>Invoice %1 issued: %2, due %3</source>
            <translation>Rechnung %1 gestellt: %2, fällig am %3</translation>
        </message>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="276" />
            <source>Invoice %1: paid %2; %3 open</source>
            <translation>Rechnung %1: %2 bezahlt; %3 offen</translation>
        </message>
    </context>
    <context>
        <name>InvoiceImport</name>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="112" />
            <source>appointment: there is no appointment with the external_id "%1" (import appointments.csv first).</source>
            <translation>appointment: Es gibt keinen Termin mit der external_id „%1“ (importieren Sie zuerst appointments.csv).</translation>
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="116" />
            <source>appointment: the appointment "%1" belongs to another client.</source>
            <translation>appointment: Der Termin „%1“ gehört zu einer anderen Person.</translation>
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="120" />
            <source>due_at: %1 lies before issued_at %2.</source>
            <translation>due_at: %1 liegt vor issued_at %2.</translation>
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="139" />
            <source>external_id: "%1" appears already on line %2 with different values; a file holds each invoice once.</source>
            <translation>external_id: „%1“ steht bereits in Zeile %2 mit anderen Werten; eine Datei enthält jede Rechnung nur einmal.</translation>
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="171" />
            <source>The invoice "%1" is paid or void already; an import does not change it.</source>
            <translation>Die Rechnung „%1“ ist bereits bezahlt oder storniert; ein Import ändert sie nicht.</translation>
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="184" />
            <source>Services</source>
            <translation>Leistungen</translation>
        </message>
    </context>
    <context>
        <name>InvoicePdf</name>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="37" />
            <source>Receipt %1</source>
            <translation>Quittung %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="38" />
            <source>Invoice %1</source>
            <translation>Rechnung %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="51" />
            <source>Phone %1</source>
            <translation>Telefon %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="53" />
            <source>E-mail %1</source>
            <translation>E-Mail %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="67" />
            <source>Invoice number</source>
            <translation>Rechnungsnummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="68" />
            <source>Client number</source>
            <translation>Klientennummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="69" />
            <source>Date of issue</source>
            <translation>Rechnungsdatum</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="71" />
            <source>Due by</source>
            <translation>Zahlbar bis</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="76" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="76" />
            <source>Qty</source>
            <translation>Menge</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="77" />
            <source>Unit price</source>
            <translation>Einzelpreis</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="77" />
            <location filename="../ui/reception/invoicepdf.cpp" line="93" />
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="85" />
            <source>Total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="89" />
            <source>Payments received</source>
            <translation>Eingegangene Zahlungen</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="92" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="92" />
            <source>Method</source>
            <translation>Zahlungsart</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="100" />
            <source>Paid</source>
            <translation>Bezahlt</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="108" />
            <source>Paid in full on %1. Thank you.</source>
            <translation>Am %1 vollständig bezahlt. Vielen Dank.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="111" />
            <source>Still to pay: %1, by %2.</source>
            <translation>Noch zu zahlen: %1, bis zum %2.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="115" />
            <source>Please give the invoice number %1 with your payment.</source>
            <translation>Bitte geben Sie bei der Zahlung die Rechnungsnummer %1 an.</translation>
        </message>
    </context>
    <context>
        <name>InvoiceRepository</name>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="61" />
            <source>a draft</source>
            <translation>ein Entwurf</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="63" />
            <source>issued</source>
            <translation>gestellt</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="65" />
            <source>paid</source>
            <translation>bezahlt</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="67" />
            <source>void</source>
            <translation>storniert</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="75" />
            <source>An invoice line needs a description.</source>
            <translation>Eine Rechnungsposition braucht eine Beschreibung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="77" />
            <source>An invoice line's quantity is at least 1.</source>
            <translation>Die Menge einer Rechnungsposition beträgt mindestens 1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="79" />
            <source>A price cannot be negative.</source>
            <translation>Ein Preis kann nicht negativ sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="96" />
            <source>The database did not return the new line's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Position nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="109" />
            <source>An invoice must be addressed to a client.</source>
            <translation>Eine Rechnung muss an eine Klientin oder einen Klienten gerichtet sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="125" />
            <source>An invoice with the id %1 exists already.</source>
            <translation>Eine Rechnung mit der Kennung %1 existiert bereits.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="130" />
            <source>The database did not return the new invoice's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Rechnung nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="160" />
            <source>There is no appointment with the number %1.</source>
            <translation>Es gibt keinen Termin mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="162" />
            <source>Only a completed appointment is invoiced.</source>
            <translation>Nur ein abgeschlossener Termin wird abgerechnet.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="171" />
            <source>This appointment is invoiced already (invoice %1).</source>
            <translation>Dieser Termin ist bereits abgerechnet (Rechnung %1).</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="179" />
            <source>%1 on %2</source>
            <translation>%1 am %2</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="240" />
            <location filename="../core/repositories/invoicerepository.cpp" line="264" />
            <location filename="../core/repositories/invoicerepository.cpp" line="434" />
            <source>There is no invoice with the number %1.</source>
            <translation>Es gibt keine Rechnung mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="246" />
            <source>There is no invoice with the id %1.</source>
            <translation>Es gibt keine Rechnung mit der Kennung %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="266" />
            <location filename="../core/repositories/invoicerepository.cpp" line="288" />
            <source>invoice</source>
            <translation>Rechnung</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="303" />
            <location filename="../core/repositories/invoicerepository.cpp" line="324" />
            <location filename="../core/repositories/invoicerepository.cpp" line="349" />
            <source>This invoice is %1; only a draft's lines can change.</source>
            <translation>Diese Rechnung ist %1; Positionen lassen sich nur in einem Entwurf ändern.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="333" />
            <location filename="../core/repositories/invoicerepository.cpp" line="361" />
            <source>This line is not on the invoice.</source>
            <translation>Diese Position steht nicht auf der Rechnung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="388" />
            <source>An invoice cannot fall due before it is issued.</source>
            <translation>Eine Rechnung kann nicht vor ihrer Ausstellung fällig sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="390" />
            <source>This invoice is %1; only a draft can be issued.</source>
            <translation>Diese Rechnung ist %1; stellen lässt sich nur ein Entwurf.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="399" />
            <source>An invoice without lines cannot be issued.</source>
            <translation>Eine Rechnung ohne Positionen lässt sich nicht stellen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="421" />
            <source>A payment must be more than nothing.</source>
            <translation>Eine Zahlung muss größer als null sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="423" />
            <source>This invoice is %1; payments are taken on issued invoices.</source>
            <translation>Diese Rechnung ist %1; Zahlungen werden auf gestellte Rechnungen gebucht.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="439" />
            <source>The payment is more than the %1 still open on this invoice.</source>
            <translation>Die Zahlung ist höher als die auf dieser Rechnung noch offenen %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="454" />
            <source>The database did not return the new payment's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Zahlung nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="471" />
            <source>Please give a reason for voiding the invoice.</source>
            <translation>Bitte geben Sie einen Grund für die Stornierung an.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="477" />
            <source>This invoice is %1; only a draft or an unpaid invoice can be voided.</source>
            <translation>Diese Rechnung ist %1; stornieren lässt sich nur ein Entwurf oder eine unbezahlte Rechnung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="487" />
            <source>Payments were recorded on this invoice; it cannot be voided.</source>
            <translation>Auf diese Rechnung wurden Zahlungen gebucht; sie lässt sich nicht stornieren.</translation>
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="533" />
            <source>The invoice of this visit was issued meanwhile; its completion stays. Void the invoice on the invoice page first.</source>
            <translation>Die Rechnung dieses Besuchs wurde inzwischen gestellt; der Abschluss bleibt bestehen. Stornieren Sie zuerst die Rechnung auf der Rechnungsseite.</translation>
        </message>
    </context>
    <context>
        <name>JourneyStageUpdater</name>
        <message>
            <location filename="../core/aftercare/journeystageupdater.cpp" line="36" />
            <source>There is no client with the number %1.</source>
            <translation>Es gibt keine Klientin und keinen Klienten mit der Nummer %1.</translation>
        </message>
    </context>
    <context>
        <name>MetricDrilldown</name>
        <message>
            <location filename="../core/metrics/metricdrilldown.cpp" line="103" />
            <source>The report period is not valid: its first day must not be after its last.</source>
            <translation>Der Berichtszeitraum ist ungültig: Sein erster Tag darf nicht nach dem letzten liegen.</translation>
        </message>
        <message>
            <location filename="../core/metrics/metricdrilldown.cpp" line="255" />
            <source>%1, %2</source>
            <comment>last name, first name</comment>
            <translation>%1, %2</translation>
        </message>
    </context>
    <context>
        <name>MetricsEngine</name>
        <message>
            <location filename="../core/metrics/metricsengine.cpp" line="119" />
            <source>The practice setting %1 must be a number of days from 1 to %2, not "%3".</source>
            <translation>Die Praxiseinstellung %1 muss eine Anzahl Tage von 1 bis %2 sein, nicht „%3“.</translation>
        </message>
        <message>
            <location filename="../core/metrics/metricsengine.cpp" line="162" />
            <source>The report period is not valid: its first day must not be after its last.</source>
            <translation>Der Berichtszeitraum ist ungültig: Sein erster Tag darf nicht nach dem letzten liegen.</translation>
        </message>
        <message>
            <location filename="../core/metrics/metricsengine.cpp" line="313" />
            <location filename="../core/metrics/metricsengine.cpp" line="317" />
            <source>The report periods must be valid, consecutive calendar months.</source>
            <translation>Die Berichtszeiträume müssen gültige, aufeinanderfolgende Kalendermonate sein.</translation>
        </message>
    </context>
    <context>
        <name>Migrator</name>
        <message>
            <location filename="../core/database/migrator.cpp" line="91" />
            <source>Cannot copy the database to %1 before upgrading it.</source>
            <translation>Die Datenbank lässt sich vor der Aktualisierung nicht nach %1 kopieren.</translation>
        </message>
        <message>
            <location filename="../core/database/migrator.cpp" line="107" />
            <source>The database has schema version %1, but this Aftercare knows only up to %2. Install the newer Aftercare that wrote it.</source>
            <translation>Die Datenbank hat die Schemaversion %1, diese Aftercare-Version kennt aber nur bis %2. Installieren Sie die neuere Aftercare-Version, die sie geschrieben hat.</translation>
        </message>
        <message>
            <location filename="../core/database/migrator.cpp" line="136" />
            <source>Upgrading the database to schema version %1 (%2) failed; it stays at version %3.</source>
            <translation>Die Aktualisierung der Datenbank auf Schemaversion %1 (%2) ist fehlgeschlagen; sie bleibt auf Version %3.</translation>
        </message>
    </context>
    <context>
        <name>NotRebooked</name>
        <message>
            <location filename="../core/desk/notrebooked.cpp" line="72" />
            <source>Please say how the call went.</source>
            <translation>Bitte geben Sie an, wie das Gespräch verlaufen ist.</translation>
        </message>
    </context>
    <context>
        <name>OnboardingService</name>
        <message>
            <location filename="../core/reception/onboardingservice.cpp" line="102" />
            <source>Registered as a new client</source>
            <translation>Als neue Klientin bzw. neuer Klient registriert</translation>
        </message>
    </context>
    <context>
        <name>ParallelReader</name>
        <message>
            <location filename="../core/database/parallelreader.cpp" line="27" />
            <source>The database could not start a consistent read for the report.</source>
            <translation>Die Datenbank konnte für den Bericht keinen einheitlichen Datenstand festhalten.</translation>
        </message>
        <message>
            <location filename="../core/database/parallelreader.cpp" line="62" />
            <source>The database exported no snapshot.</source>
            <translation>Die Datenbank hat keine Momentaufnahme exportiert.</translation>
        </message>
        <message>
            <location filename="../core/database/parallelreader.cpp" line="89" />
            <source>The database exported no usable snapshot.</source>
            <translation>Die Datenbank hat keine verwendbare Momentaufnahme exportiert.</translation>
        </message>
    </context>
    <context>
        <name>PasswordHasher</name>
        <message>
            <location filename="../core/auth/passwordhasher.cpp" line="23" />
            <source>The cryptography library could not be initialised.</source>
            <translation>Die Kryptografie-Bibliothek konnte nicht initialisiert werden.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordhasher.cpp" line="32" />
            <source>Not enough memory to hash the password.</source>
            <translation>Nicht genug Arbeitsspeicher, um das Passwort zu verschlüsseln.</translation>
        </message>
    </context>
    <context>
        <name>PasswordStrength</name>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="117" />
            <source>Strong enough.</source>
            <translation>Stark genug.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="119" />
            <source>Type a password.</source>
            <translation>Geben Sie ein Passwort ein.</translation>
        </message>
        <message numerus="yes">
            <location filename="../core/auth/passwordstrength.cpp" line="121" />
            <source>Too short: a password needs at least %n characters.</source>
            <translation>
                <numerusform>Zu kurz: Ein Passwort braucht mindestens %n Zeichen.</numerusform>
                <numerusform>Zu kurz: Ein Passwort braucht mindestens %n Zeichen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="123" />
            <source>Too easy to guess: it is based on a dictionary word. Add unrelated words, digits or signs.</source>
            <translation>Zu leicht zu erraten: Es beruht auf einem Wörterbuchwort. Fügen Sie unzusammenhängende Wörter, Ziffern oder Zeichen hinzu.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="126" />
            <source>Too easy to guess: it follows a simple pattern (like abcd1234).</source>
            <translation>Zu leicht zu erraten: Es folgt einem einfachen Muster (wie abcd1234).</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="128" />
            <source>Too easy to guess: it has too few different characters.</source>
            <translation>Zu leicht zu erraten: Es hat zu wenige verschiedene Zeichen.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="130" />
            <source>Too easy to guess: the same character comes more than three times in a row.</source>
            <translation>Zu leicht zu erraten: Dasselbe Zeichen kommt mehr als dreimal hintereinander vor.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="132" />
            <source>Too easy to guess: it contains a run like abcde or 12345.</source>
            <translation>Zu leicht zu erraten: Es enthält eine Folge wie abcde oder 12345.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="134" />
            <source>Too easy to guess: it reads the same backwards.</source>
            <translation>Zu leicht zu erraten: Es liest sich rückwärts genauso.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="136" />
            <source>Too easy to guess: it contains the user name.</source>
            <translation>Zu leicht zu erraten: Es enthält den Benutzernamen.</translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="138" />
            <source>The password cannot be checked: the password dictionary is missing (Debian packages libpwquality1 and cracklib-runtime).</source>
            <translation>Das Passwort lässt sich nicht prüfen: Das Passwort-Wörterbuch fehlt (Debian-Pakete libpwquality1 und cracklib-runtime).</translation>
        </message>
    </context>
    <context>
        <name>PeriodParser</name>
        <message>
            <location filename="../core/report/periodparser.cpp" line="18" />
            <source>"%1" is not a date of the form YYYY-MM-DD.</source>
            <translation>„%1“ ist kein Datum der Form JJJJ-MM-TT.</translation>
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="31" />
            <source>"%1" is not a month of the form YYYY-MM.</source>
            <translation>„%1“ ist kein Monat der Form JJJJ-MM.</translation>
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="45" />
            <source>The period starts on %1, after its last day %2.</source>
            <translation>Der Zeitraum beginnt am %1, nach seinem letzten Tag %2.</translation>
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="56" />
            <source>Give either --month or --from and --to, not both.</source>
            <translation>Geben Sie entweder --month oder --from und --to an, nicht beides.</translation>
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="61" />
            <source>Give the report period: --month YYYY-MM, or --from and --to.</source>
            <translation>Geben Sie den Berichtszeitraum an: --month JJJJ-MM oder --from und --to.</translation>
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="63" />
            <source>--from and --to go together: give both days.</source>
            <translation>--from und --to gehören zusammen: Geben Sie beide Tage an.</translation>
        </message>
    </context>
    <context>
        <name>Permissions</name>
        <message>
            <location filename="../core/auth/permissions.cpp" line="28" />
            <source>Only clinicians may read clinical content.</source>
            <translation>Nur Behandelnde dürfen klinische Inhalte lesen.</translation>
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="30" />
            <source>Only clinicians may record clinical content.</source>
            <translation>Nur Behandelnde dürfen klinische Inhalte erfassen.</translation>
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="32" />
            <source>Only managers and administrators may see the reports.</source>
            <translation>Nur die Praxisleitung und Administratoren dürfen die Berichte sehen.</translation>
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="34" />
            <source>Only administrators may manage users.</source>
            <translation>Nur Administratoren dürfen Benutzerkonten verwalten.</translation>
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="36" />
            <source>Only administrators may change the practice settings.</source>
            <translation>Nur Administratoren dürfen die Praxiseinstellungen ändern.</translation>
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="40" />
            <source>This action is not allowed for your role.</source>
            <translation>Diese Aktion ist für Ihre Rolle nicht erlaubt.</translation>
        </message>
    </context>
    <context>
        <name>PostServiceDelta</name>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="149" />
            <source>The client has not agreed to be asked for feedback.</source>
            <translation>Die Person hat nicht eingewilligt, um Feedback gebeten zu werden.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="151" />
            <source>The client has not agreed to community invitations.</source>
            <translation>Die Person hat Einladungen zu Veranstaltungen nicht zugestimmt.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="153" />
            <source>The client has not agreed to receive the newsletter.</source>
            <translation>Die Person hat dem Newsletter nicht zugestimmt.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="157" />
            <source>The client has not given the consent this step needs.</source>
            <translation>Die Person hat die für diesen Schritt nötige Einwilligung nicht erteilt.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="167" />
            <source>There is no completed visit with the number %1.</source>
            <translation>Es gibt keinen abgeschlossenen Besuch mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="204" />
            <source>This step is not part of the after-care of %1.</source>
            <translation>Dieser Schritt gehört nicht zur Nachsorge von %1.</translation>
        </message>
    </context>
    <context>
        <name>PostServiceStepRepository</name>
        <message>
            <location filename="../core/repositories/postservicesteprepository.cpp" line="33" />
            <source>There is no appointment with the number %1.</source>
            <translation>Es gibt keinen Termin mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/postservicesteprepository.cpp" line="36" />
            <source>After-care steps follow a completed visit; this appointment is not completed.</source>
            <translation>Nachsorgeschritte folgen auf einen abgeschlossenen Besuch; dieser Termin ist nicht abgeschlossen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/postservicesteprepository.cpp" line="56" />
            <source>This step was not marked as done.</source>
            <translation>Dieser Schritt wurde nicht als erledigt markiert.</translation>
        </message>
    </context>
    <context>
        <name>PracticeOpener</name>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="45" />
            <location filename="../ui/signin/practiceopener.cpp" line="87" />
            <location filename="../ui/signin/practiceopener.cpp" line="110" />
            <source>Aftercare</source>
            <translation>Aftercare</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="49" />
            <source>Welcome to Aftercare. No practice has been set up on this computer yet.</source>
            <translation>Willkommen bei Aftercare. Auf diesem Computer ist noch keine Praxis eingerichtet.</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="51" />
            <source>A new practice will be kept in this file, readable only by you:
%1

To work on an existing practice instead, start Aftercare with --database and the practice's file or server.</source>
            <translation>Eine neue Praxis wird in dieser Datei geführt, die nur Sie lesen können:
%1

Um stattdessen mit einer bestehenden Praxis zu arbeiten, starten Sie Aftercare mit --database und der Datei oder dem Server der Praxis.</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="57" />
            <source>There is no practice file at
%1</source>
            <translation>Es gibt keine Praxisdatei unter
%1</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="59" />
            <source>Check the path for a typing error, or whether the drive or share holding the practice is connected. Create a new, empty practice there only if you mean to start a new practice.</source>
            <translation>Prüfen Sie den Pfad auf Tippfehler und ob das Laufwerk oder die Freigabe mit der Praxis verbunden ist. Legen Sie dort nur dann eine neue, leere Praxis an, wenn Sie eine neue Praxis beginnen wollen.</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="63" />
            <source>&amp;Create a new practice here</source>
            <translation>Hier eine neue Praxis &amp;anlegen</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="65" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="89" />
            <source>Other users of this computer can read the practice's health data.</source>
            <translation>Andere Benutzer dieses Computers können die Gesundheitsdaten der Praxis lesen.</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="91" />
            <source>Other accounts on this computer may read these files, not only you:
%1

Make them private unless several accounts on this computer are meant to share the practice.</source>
            <translation>Auch andere Benutzerkonten auf diesem Computer dürfen diese Dateien lesen, nicht nur Sie:
%1

Beschränken Sie sie auf sich, außer mehrere Konten auf diesem Computer sollen die Praxis gemeinsam nutzen.</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="95" />
            <source>&amp;Make them private</source>
            <translation>Auf mich &amp;beschränken</translation>
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="97" />
            <source>&amp;Leave them as they are</source>
            <translation>So &amp;lassen</translation>
        </message>
    </context>
    <context>
        <name>PracticeSettingsRepository</name>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="31" />
            <source>A setting needs a name.</source>
            <translation>Eine Einstellung braucht einen Namen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="37" />
            <source>The lapse window is a number of days between 1 and 3660.</source>
            <translation>Das Aktivitätsfenster ist eine Anzahl Tage zwischen 1 und 3660.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="43" />
            <source>The payment term is a number of days between 0 and 365.</source>
            <translation>Das Zahlungsziel ist eine Anzahl Tage zwischen 0 und 365.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="47" />
            <source>%1 is not a time zone this computer knows.</source>
            <translation>%1 ist keine Zeitzone, die dieser Computer kennt.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="50" />
            <source>%1 is not an e-mail address.</source>
            <translation>%1 ist keine E-Mail-Adresse.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="53" />
            <source>%1 is not a telephone number.</source>
            <translation>%1 ist keine Telefonnummer.</translation>
        </message>
    </context>
    <context>
        <name>PractitionerRepository</name>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="30" />
            <source>A practitioner needs a name.</source>
            <translation>Behandelnde brauchen einen Namen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="57" />
            <location filename="../core/repositories/practitionerrepository.cpp" line="81" />
            <source>There is a practitioner called %1 already.</source>
            <translation>Es gibt bereits Behandelnde mit dem Namen %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="62" />
            <source>The database did not return the new practitioner's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Behandlerin bzw. des neuen Behandlers nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="87" />
            <source>practitioner</source>
            <translation>Behandler/in</translation>
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="102" />
            <source>There is no practitioner with the number %1.</source>
            <translation>Es gibt keine Behandlerin und keinen Behandler mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="114" />
            <source>There is no practitioner called %1.</source>
            <translation>Es gibt keine Behandelnden mit dem Namen %1.</translation>
        </message>
    </context>
    <context>
        <name>PrivateFiles</name>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="45" />
            <source>Cannot create the folder %1.</source>
            <translation>Der Ordner %1 lässt sich nicht anlegen.</translation>
        </message>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="51" />
            <source>%1 is not a folder.</source>
            <translation>%1 ist kein Ordner.</translation>
        </message>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="63" />
            <source>Cannot create the file %1.</source>
            <translation>Die Datei %1 lässt sich nicht anlegen.</translation>
        </message>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="68" />
            <location filename="../core/database/privatefiles.cpp" line="78" />
            <source>Cannot make the file %1 private to its owner.</source>
            <translation>Die Datei %1 lässt sich nicht auf ihren Eigentümer beschränken.</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <location filename="../app/main.cpp" line="105" />
            <source>Aftercare</source>
            <translation>Aftercare</translation>
        </message>
    </context>
    <context>
        <name>RemindersDue</name>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="56" />
            <source>Please choose a day.</source>
            <translation>Bitte wählen Sie einen Tag.</translation>
        </message>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="111" />
            <source>%1 has not agreed to appointment reminders; the reminder was not recorded.</source>
            <translation>%1 hat Terminerinnerungen nicht zugestimmt; die Erinnerung wurde nicht erfasst.</translation>
        </message>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="120" />
            <source>Reminded</source>
            <translation>Erinnert</translation>
        </message>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="122" />
            <source>Without consent to reminders; the desk confirmed that the client asked for it.</source>
            <translation>Ohne Einwilligung in Terminerinnerungen; der Empfang hat bestätigt, dass der Klient/die Klientin darum gebeten hat.</translation>
        </message>
    </context>
    <context>
        <name>ReportBuilder</name>
        <message>
            <location filename="../core/report/reportbuilder.cpp" line="44" />
            <source>There is no practitioner with the number %1.</source>
            <translation>Es gibt keine Behandlerin und keinen Behandler mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/report/reportbuilder.cpp" line="45" />
            <source>There is no service type with the number %1.</source>
            <translation>Es gibt keine Leistung mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/report/reportbuilder.cpp" line="61" />
            <source>The report period is not valid: its first day must not be after its last.</source>
            <translation>Der Berichtszeitraum ist ungültig: Sein erster Tag darf nicht nach dem letzten liegen.</translation>
        </message>
    </context>
    <context>
        <name>ReportCommand</name>
        <message>
            <location filename="../app/reportcommand.cpp" line="30" />
            <source>A calendar month.</source>
            <translation>Ein Kalendermonat.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="32" />
            <source>First day.</source>
            <translation>Erster Tag.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="34" />
            <source>Last day.</source>
            <translation>Letzter Tag.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="36" />
            <source>json, csv or pdf.</source>
            <translation>json, csv oder pdf.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="38" />
            <source>The file to write.</source>
            <translation>Die zu schreibende Datei.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="41" />
            <source>Only this practitioner's appointments.</source>
            <translation>Nur Termine dieser Behandlerin bzw. dieses Behandlers.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="44" />
            <source>Only appointments of this service type.</source>
            <translation>Nur Termine dieser Leistung.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="47" />
            <source>Only clients with this referral source.</source>
            <translation>Nur Klientinnen und Klienten mit dieser Empfehlungsquelle.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="55" />
            <source>report: unexpected argument %1.</source>
            <translation>report: Unerwartetes Argument %1.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="60" />
            <source>report: give either --month YYYY-MM or --from D --to D.</source>
            <translation>report: Geben Sie entweder --month JJJJ-MM oder --from D --to D an.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="65" />
            <location filename="../app/reportcommand.cpp" line="84" />
            <location filename="../app/reportcommand.cpp" line="90" />
            <location filename="../app/reportcommand.cpp" line="117" />
            <source>report: %1</source>
            <translation>report: %1</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="71" />
            <source>report: --format takes json, csv or pdf.</source>
            <translation>report: --format erwartet json, csv oder pdf.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="75" />
            <source>report: --out FILE is required.</source>
            <translation>report: --out DATEI ist erforderlich.</translation>
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="126" />
            <source>report: cannot write %1: %2</source>
            <translation>report: %1 kann nicht geschrieben werden: %2</translation>
        </message>
    </context>
    <context>
        <name>ReportFilterParser</name>
        <message>
            <location filename="../core/report/reportfilterparser.cpp" line="36" />
            <source>There is no practitioner named or numbered "%1".</source>
            <translation>Es gibt keine Behandelnden mit dem Namen oder der Nummer „%1“.</translation>
        </message>
        <message>
            <location filename="../core/report/reportfilterparser.cpp" line="37" />
            <source>There is no service type named or numbered "%1".</source>
            <translation>Es gibt keine Leistung mit dem Namen oder der Nummer „%1“.</translation>
        </message>
        <message>
            <location filename="../core/report/reportfilterparser.cpp" line="68" />
            <source>No client has the referral source "%1".</source>
            <translation>Keine Klientin und kein Klient hat die Empfehlungsquelle „%1“.</translation>
        </message>
    </context>
    <context>
        <name>ReportPdfRenderer</name>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="29" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="34" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="45" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="436" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="52" />
            <source>Discuss result</source>
            <translation>Befund besprechen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="54" />
            <source>Communicate result</source>
            <translation>Befund mitteilen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="56" />
            <source>Check-in call</source>
            <translation>Nachfrageanruf</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="58" />
            <source>Detractor call-back</source>
            <translation>Rückruf bei Unzufriedenen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="60" />
            <source>Rebook reminder</source>
            <translation>An Wiederbuchung erinnern</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="62" />
            <source>Annual review</source>
            <translation>Jahreskontrolle</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="64" />
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="73" />
            <source>Quality follow-up</source>
            <translation>Qualitätsnachfrage</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="75" />
            <source>Feedback request</source>
            <translation>Feedback-Anfrage</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="77" />
            <source>Thank-you</source>
            <translation>Dankeschön</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="79" />
            <source>Community invitation</source>
            <translation>Einladung zu Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="81" />
            <source>Newsletter invitation</source>
            <translation>Einladung zum Newsletter</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="101" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="117" />
            <source>The PDF could not be written to %1: %2</source>
            <translation>Das PDF konnte nicht nach %1 geschrieben werden: %2</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="105" />
            <source>Monthly report %1 to %2</source>
            <translation>Monatsbericht %1 bis %2</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="183" />
            <source>%1 · report %2</source>
            <translation>%1 · Bericht %2</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="248" />
            <source>SLA adherence</source>
            <translation>SLA-Einhaltung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="276" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="279" />
            <source>%1 compared with %2.</source>
            <translation>%1 verglichen mit %2.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="284" />
            <source>%1; no earlier period to compare with.</source>
            <translation>%1; kein früherer Zeitraum zum Vergleich.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="305" />
            <source>%1 points</source>
            <translation>%1 Punkte</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="337" />
            <source>better</source>
            <translation>besser</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="341" />
            <source>worse</source>
            <translation>schlechter</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="344" />
            <source>unchanged</source>
            <translation>unverändert</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="348" />
            <source>no comparison</source>
            <translation>kein Vergleich</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <source>This period</source>
            <translation>Dieser Zeitraum</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <source>Before</source>
            <translation>Vorher</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <source>Change</source>
            <translation>Veränderung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="355" />
            <source>Good or bad</source>
            <translation>Gut oder schlecht</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="357" />
            <source>A rising no-show rate or post-service delta is bad news; every other figure is good news when it rises. Rates change by percentage points.</source>
            <translation>Eine steigende Ausfallquote oder ein steigendes Nachsorge-Delta ist eine schlechte Nachricht; jede andere Kennzahl ist eine gute Nachricht, wenn sie steigt. Quoten ändern sich in Prozentpunkten.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="364" />
            <source>Resting on %1 CSAT and %2 NPS answers, %3 visits, %4 new clients and %5 follow-up tasks due.</source>
            <translation>Grundlage: %1 CSAT- und %2 NPS-Antworten, %3 Besuche, %4 neue Klient/innen und %5 fällige Nachsorgeaufgaben.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="388" />
            <source>practitioner %1</source>
            <translation>Behandler/in %1</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="390" />
            <source>service %1</source>
            <translation>Leistung %1</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="392" />
            <source>referral source "%1"</source>
            <translation>Empfehlungsquelle „%1“</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="393" />
            <source>whole practice, no filter</source>
            <translation>ganze Praxis, ohne Filter</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="184" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="398" />
            <source>Practice report</source>
            <translation>Praxisbericht</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="399" />
            <source>Period: %1 to %2</source>
            <translation>Zeitraum: %1 bis %2</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="403" />
            <source>Filters: %1</source>
            <translation>Filter: %1</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="408" />
            <source>A figure shown as "none" has nothing to count in the period.</source>
            <translation>Eine als „keine“ angezeigte Kennzahl hat im Zeitraum nichts zu zählen.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="415" />
            <source>Client satisfaction (CSAT)</source>
            <translation>Zufriedenheit (CSAT)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="416" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="437" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="480" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="510" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="532" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="558" />
            <source>Figure</source>
            <translation>Kennzahl</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="416" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="437" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="480" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="510" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="532" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="558" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="236" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="416" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="426" />
            <source>CSAT score</source>
            <translation>CSAT-Wert</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="417" />
            <source>Mean score (1–5)</source>
            <translation>Mittelwert (1–5)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="418" />
            <source>Satisfied (4 or 5)</source>
            <translation>Zufrieden (4 oder 5)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="419" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="442" />
            <source>Responses</source>
            <translation>Antworten</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="192" />
            <source>CSAT = 100 × (answers scoring 4 or 5) / (all CSAT answers), on the 1–5 scale, answers dated in the period.</source>
            <translation>CSAT = 100 × (Antworten mit 4 oder 5) / (alle CSAT-Antworten), auf der Skala 1–5, Antworten mit Datum im Zeitraum.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="425" />
            <source>CSAT by month (%)</source>
            <translation>CSAT nach Monat (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="432" />
            <source>Net Promoter Score (NPS)</source>
            <translation>Net Promoter Score (NPS)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="433" />
            <source>%1 to %2</source>
            <translation>%1 bis %2</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="238" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="437" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="470" />
            <source>NPS</source>
            <translation>NPS</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="438" />
            <source>95 % interval</source>
            <translation>95-%-Intervall</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="439" />
            <source>Promoters (9–10)</source>
            <translation>Promotoren (9–10)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="440" />
            <source>Passives (7–8)</source>
            <translation>Passive (7–8)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="441" />
            <source>Detractors (0–6)</source>
            <translation>Kritiker (0–6)</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/report/reportpdfrenderer.cpp" line="370" />
            <source>Low confidence: only %n answer(s), fewer than %1. Read the interval before drawing conclusions.</source>
            <translation>
                <numerusform>Geringe Aussagekraft: nur %n Antwort, weniger als %1. Beachten Sie das Intervall, bevor Sie Schlüsse ziehen.</numerusform>
                <numerusform>Geringe Aussagekraft: nur %n Antworten, weniger als %1. Beachten Sie das Intervall, bevor Sie Schlüsse ziehen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="195" />
            <source>NPS = 100 × (promoters − detractors) / answers, on the 0–10 scale.</source>
            <translation>NPS = 100 × (Promotoren − Kritiker) / Antworten, auf der Skala 0–10.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="196" />
            <source>Interval: NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n), p and d the shares of promoters and detractors, cut off at −100 and +100.</source>
            <translation>Intervall: NPS ± 1,96 × 100 × √((p + d − (p − d)²) / n), p und d die Anteile der Promotoren und Kritiker, begrenzt auf −100 und +100.</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/report/reportpdfrenderer.cpp" line="404" />
            <source>Lapse window: %n days; follow-up deadlines judged as of %1.</source>
            <translation>
                <numerusform>Aktivitätsfenster: %n Tag; Nachsorgefristen beurteilt zum Stand %1.</numerusform>
                <numerusform>Aktivitätsfenster: %n Tage; Nachsorgefristen beurteilt zum Stand %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/report/reportpdfrenderer.cpp" line="444" />
            <source>Low confidence: only %n answers, fewer than %1. Read the interval before drawing conclusions.</source>
            <translation>
                <numerusform>Geringe Aussagekraft: nur %n Antwort, weniger als %1. Beachten Sie das Intervall, bevor Sie Schlüsse ziehen.</numerusform>
                <numerusform>Geringe Aussagekraft: nur %n Antworten, weniger als %1. Beachten Sie das Intervall, bevor Sie Schlüsse ziehen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="453" />
            <source>Promoters</source>
            <translation>Promotoren</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="454" />
            <source>Passives</source>
            <translation>Passive</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="456" />
            <source>Detractors</source>
            <translation>Kritiker</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="469" />
            <source>NPS by month, with its 95 % interval</source>
            <translation>NPS nach Monat, mit 95-%-Intervall</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="471" />
            <source>Answers by month: promoters, passives, detractors</source>
            <translation>Antworten nach Monat: Promotoren, Passive, Kritiker</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="479" />
            <source>Retention and churn</source>
            <translation>Bindung und Abwanderung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="240" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="481" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="496" />
            <source>Retention</source>
            <translation>Bindung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="482" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="497" />
            <source>Churn</source>
            <translation>Abwanderung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="483" />
            <source>Active the day before the period (S)</source>
            <translation>Aktiv am Tag vor dem Zeitraum (S)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="484" />
            <source>Active on the last day (E)</source>
            <translation>Aktiv am letzten Tag (E)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="485" />
            <source>Retained (in S and E)</source>
            <translation>Gehalten (in S und E)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="486" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="507" />
            <source>New clients</source>
            <translation>Neue Klientinnen und Klienten</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="199" />
            <source>Retention = 100 × |S and E| / |S|; churn = 100 − retention. Active on a day T: a visit on one of the W days before and including T.</source>
            <translation>Bindung = 100 × |S und E| / |S|; Abwanderung = 100 − Bindung. Aktiv an einem Tag T: ein Besuch an einem der W Tage bis einschließlich T.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="495" />
            <source>Retention and churn by month (%)</source>
            <translation>Bindung und Abwanderung nach Monat (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="246" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="504" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="505" />
            <source>Referral rate</source>
            <translation>Empfehlungsquote</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="506" />
            <source>Referred by a client</source>
            <translation>Von Klient/in empfohlen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="509" />
            <source>New clients from "%1"</source>
            <translation>Neue Klientinnen und Klienten über „%1“</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="207" />
            <source>Referral rate = 100 × (new clients referred by a client) / (new clients).</source>
            <translation>Empfehlungsquote = 100 × (neue, von Klient/in empfohlene Klientinnen und Klienten) / (neue Klientinnen und Klienten).</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="516" />
            <source>Cohort retention</source>
            <translation>Kohortenbindung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>First visit in</source>
            <translation>Erster Besuch im</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>Clients</source>
            <translation>Klientinnen und Klienten</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>3 months</source>
            <translation>3 Monate</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>6 months</source>
            <translation>6 Monate</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>12 months</source>
            <translation>12 Monate</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="227" />
            <source>k3 / k6 / k12 = 100 × (clients of the cohort with another visit within k months after their first) / (clients of the cohort).</source>
            <translation>k3 / k6 / k12 = 100 × (Klient/innen der Kohorte mit einem weiteren Besuch innerhalb von k Monaten nach dem ersten) / (Klient/innen der Kohorte).</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="229" />
            <source>A share stays empty until the window has passed for the whole cohort.</source>
            <translation>Ein Anteil bleibt leer, bis das Fenster für die ganze Kohorte verstrichen ist.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="531" />
            <source>No-show and rebooking rates</source>
            <translation>Ausfall- und Wiederbuchungsquote</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="242" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="533" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="549" />
            <source>No-show rate</source>
            <translation>Ausfallquote</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="534" />
            <source>No-shows</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="535" />
            <source>Completed visits</source>
            <translation>Abgeschlossene Besuche</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="244" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="536" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="550" />
            <source>Rebooking rate</source>
            <translation>Wiederbuchungsquote</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="537" />
            <source>Visits followed by a rebooking</source>
            <translation>Besuche mit anschließender Wiederbuchung</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="538" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="594" />
            <source>Visits</source>
            <translation>Besuche</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="202" />
            <source>No-show rate = 100 × no-shows / (visits + no-shows).</source>
            <translation>Ausfallquote = 100 × Nicht erschienen / (Besuche + Nicht erschienen).</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="204" />
            <source>Rebooking rate = 100 × (visits followed by a rebooking) / (visits in the period); booked no later than 7 × 24 hours after the visit ended.</source>
            <translation>Wiederbuchungsquote = 100 × (Besuche mit anschließender Wiederbuchung) / (Besuche im Zeitraum); gebucht spätestens 7 × 24 Stunden nach Ende des Besuchs.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="548" />
            <source>No-show and rebooking rates by month (%)</source>
            <translation>Ausfall- und Wiederbuchungsquote nach Monat (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="557" />
            <source>Client lifetime value (CLV)</source>
            <translation>Kundenwert (CLV)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="252" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="559" />
            <source>Historical CLV</source>
            <translation>Bisheriger CLV</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="254" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="560" />
            <source>Predicted CLV</source>
            <translation>Erwarteter CLV</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="561" />
            <source>Clients with a visit</source>
            <translation>Klient/innen mit Besuch</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="562" />
            <source>Visits in the last 365 days</source>
            <translation>Besuche in den letzten 365 Tagen</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="563" />
            <source>Expected years as a client</source>
            <translation>Erwartete Jahre als Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="216" />
            <source>Historical CLV = paid invoice amounts up to the last day, per client with at least one visit.</source>
            <translation>Bisheriger CLV = bezahlte Rechnungsbeträge bis zum letzten Tag, je Klient/in mit mindestens einem Besuch.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="219" />
            <source>Predicted CLV = (paid in Y / visits in Y) × (visits in Y / clients with a visit in Y) × expected years, Y the last 365 days.</source>
            <translation>Erwarteter CLV = (bezahlt in Y / Besuche in Y) × (Besuche in Y / Klient/innen mit Besuch in Y) × erwartete Jahre, Y die letzten 365 Tage.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="571" />
            <source>SLA adherence (follow-up on time)</source>
            <translation>SLA-Einhaltung (Nachsorge fristgerecht)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="573" />
            <source>All tasks</source>
            <translation>Alle Aufgaben</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="575" />
            <source>On time (%)</source>
            <translation>Fristgerecht (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>On time</source>
            <translation>Fristgerecht</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>Met</source>
            <translation>Erfüllt</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="210" />
            <source>SLA adherence = 100 × (tasks done on or before their deadline) / (tasks due); open tasks not yet due are left out.</source>
            <translation>SLA-Einhaltung = 100 × (bis zur Frist erledigte Aufgaben) / (fällige Aufgaben); offene, noch nicht fällige Aufgaben bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="585" />
            <source>On time by kind of task (%)</source>
            <translation>Fristgerecht nach Art der Aufgabe (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="250" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="591" />
            <source>Post-service delta</source>
            <translation>Nachsorge-Delta</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="593" />
            <source>Mean steps dropped per visit</source>
            <translation>Mittlere Zahl ausgelassener Schritte je Besuch</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="597" />
            <source>Completed (%)</source>
            <translation>Erledigt (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Completed</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Applicable</source>
            <translation>Zutreffend</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="213" />
            <source>Post-service delta = mean over the period's visits of the applicable steps not done; per step, completion = 100 × done / applicable.</source>
            <translation>Nachsorge-Delta = Mittelwert über die Besuche des Zeitraums der zutreffenden, nicht erledigten Schritte; je Schritt Erledigung = 100 × erledigt / zutreffend.</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="607" />
            <source>Completion by step (%)</source>
            <translation>Erledigung nach Schritt (%)</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpage.h" line="246" />
            <source>Page %1 of %2</source>
            <translation>Seite %1 von %2</translation>
        </message>
        <message>
            <location filename="../ui/report/reportpage.h" line="247" />
            <source>Page %1</source>
            <translation>Seite %1</translation>
        </message>
    </context>
    <context>
        <name>ResultImport</name>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="118" />
            <source>reference_low %1 is above reference_high %2.</source>
            <translation>reference_low %1 liegt über reference_high %2.</translation>
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="120" />
            <source>value: empty, although a unit or a reference range is given.</source>
            <translation>value: leer, obwohl eine Einheit oder ein Referenzbereich angegeben ist.</translation>
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="126" />
            <source>summary: differs from the summary of the same result on line %1.</source>
            <translation>summary: weicht von der Zusammenfassung desselben Befunds in Zeile %1 ab.</translation>
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="244" />
            <source>Another row of the same result (line %1) was rejected, so the result %2 of client "%3" received %4 was not imported.</source>
            <translation>Eine andere Zeile desselben Befunds (Zeile %1) wurde abgelehnt, daher wurde der Befund %2 von „%3“, eingegangen am %4, nicht importiert.</translation>
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="257" />
            <source>The result %1 of client "%2" received %3 has been reviewed already; an import does not change a reviewed result.</source>
            <translation>Der Befund %1 von „%2“, eingegangen am %3, ist bereits geprüft; ein Import ändert keinen geprüften Befund.</translation>
        </message>
    </context>
    <context>
        <name>ResultRepository</name>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="69" />
            <source>received, not yet reviewed</source>
            <translation>eingegangen, noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="71" />
            <source>reviewed, not yet communicated</source>
            <translation>geprüft, noch nicht mitgeteilt</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="73" />
            <source>communicated</source>
            <translation>mitgeteilt</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="81" />
            <source>A result must belong to a client.</source>
            <translation>Ein Befund muss zu einer Klientin oder einem Klienten gehören.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="83" />
            <source>A result needs the name of the test.</source>
            <translation>Ein Befund braucht den Namen der Untersuchung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="85" />
            <source>A result needs the time it was received.</source>
            <translation>Ein Befund braucht den Zeitpunkt des Eingangs.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="88" />
            <source>Each value of a result needs a number or a text.</source>
            <translation>Jeder Wert eines Befunds braucht eine Zahl oder einen Text.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="91" />
            <source>The lower end of a reference range lies above its upper end.</source>
            <translation>Die Untergrenze eines Referenzbereichs liegt über seiner Obergrenze.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="127" />
            <source>This client's %1 received at %2 is recorded already.</source>
            <translation>Der Befund %1 dieser Person, eingegangen am %2, ist bereits erfasst.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="133" />
            <source>The database did not return the new result's id.</source>
            <translation>Die Datenbank hat die Nummer des neuen Befunds nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="179" />
            <location filename="../core/repositories/resultrepository.cpp" line="211" />
            <location filename="../core/repositories/resultrepository.cpp" line="359" />
            <location filename="../core/repositories/resultrepository.cpp" line="446" />
            <source>There is no result with the number %1.</source>
            <translation>Es gibt keinen Befund mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="361" />
            <location filename="../core/repositories/resultrepository.cpp" line="382" />
            <source>result</source>
            <translation>Befund</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="407" />
            <location filename="../core/repositories/resultrepository.cpp" line="421" />
            <source>A summary to sign off must not be empty.</source>
            <translation>Eine freizugebende Zusammenfassung darf nicht leer sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="411" />
            <source>This result was %1; its summary changes only as a new version, with the reason.</source>
            <translation>Dieser Befund wurde bereits %1; seine Zusammenfassung ändert sich nur als neue Fassung, mit Begründung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="424" />
            <source>The client was told this summary already: say why it changes.</source>
            <translation>Diese Zusammenfassung wurde der Person bereits mitgeteilt: Geben Sie an, warum sie sich ändert.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="426" />
            <source>The summary is unchanged; there is no new version to keep.</source>
            <translation>Die Zusammenfassung ist unverändert; es gibt keine neue Fassung aufzubewahren.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="431" />
            <source>This result is %1; sign off its summary instead.</source>
            <translation>Dieser Befund ist %1; geben Sie seine Zusammenfassung stattdessen frei.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="529" />
            <source>This result was %1; its abnormal flag can no longer be changed.</source>
            <translation>Dieser Befund wurde bereits %1; die Markierung „auffällig“ lässt sich nicht mehr ändern.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="539" />
            <source>This result is %1; only a received result can be reviewed.</source>
            <translation>Dieser Befund ist %1; prüfen lässt sich nur ein eingegangener Befund.</translation>
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="550" />
            <source>This result is %1; a result is communicated after it was reviewed.</source>
            <translation>Dieser Befund ist %1; mitgeteilt wird ein Befund erst nach der Prüfung.</translation>
        </message>
    </context>
    <context>
        <name>ResultValueText</name>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="27" />
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="29" />
            <source>up to %1</source>
            <translation>bis %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="31" />
            <source>from %1</source>
            <translation>ab %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="53" />
            <source>high %1</source>
            <translation>hoch %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="55" />
            <source>low %1</source>
            <translation>niedrig %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="57" />
            <location filename="../ui/followup/resultvaluetext.cpp" line="59" />
            <source>abnormal</source>
            <translation>auffällig</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="68" />
            <source>rising ↗</source>
            <translation>steigend ↗</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="70" />
            <source>falling ↘</source>
            <translation>fallend ↘</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="72" />
            <source>steady →</source>
            <translation>gleichbleibend →</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="76" />
            <source>no earlier value</source>
            <translation>kein früherer Wert</translation>
        </message>
    </context>
    <context>
        <name>ServiceTypeRepository</name>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="60" />
            <source>A service needs a name.</source>
            <translation>Eine Leistung braucht einen Namen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="62" />
            <source>A service lasts between 5 minutes and 12 hours.</source>
            <translation>Eine Leistung dauert zwischen 5 Minuten und 12 Stunden.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="64" />
            <source>A price cannot be negative.</source>
            <translation>Ein Preis kann nicht negativ sein.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="68" />
            <source>A check-in call or survey cannot come before the visit.</source>
            <translation>Ein Nachfrageanruf oder eine Umfrage kann nicht vor dem Besuch liegen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="70" />
            <source>A rebook reminder needs at least one week.</source>
            <translation>Eine Erinnerung zur Wiederbuchung braucht mindestens eine Woche.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="102" />
            <location filename="../core/repositories/servicetyperepository.cpp" line="134" />
            <source>There is a service called %1 already.</source>
            <translation>Es gibt bereits eine Leistung namens %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="107" />
            <source>The database did not return the new service's id.</source>
            <translation>Die Datenbank hat die Nummer der neuen Leistung nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="139" />
            <source>service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="153" />
            <source>There is no service with the number %1.</source>
            <translation>Es gibt keine Leistung mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="165" />
            <source>There is no service called %1.</source>
            <translation>Es gibt keine Leistung namens %1.</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message numerus="yes">
            <location filename="../core/signin/session.cpp" line="29" />
            <source>Too many attempts. Please wait %n seconds.</source>
            <translation>
                <numerusform>Zu viele Versuche. Bitte warten Sie %n Sekunde.</numerusform>
                <numerusform>Zu viele Versuche. Bitte warten Sie %n Sekunden.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/signin/session.cpp" line="58" />
            <source>Nobody is signed in.</source>
            <translation>Niemand ist angemeldet.</translation>
        </message>
    </context>
    <context>
        <name>StaleEdit</name>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="28" />
            <source>The %1 no longer exists; someone may have removed it.</source>
            <translation>Dieser Datensatz (%1) existiert nicht mehr; vielleicht hat ihn jemand entfernt.</translation>
        </message>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="30" />
            <source>another workstation</source>
            <translation>ein anderer Arbeitsplatz</translation>
        </message>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="34" />
            <source>%1 changed this %2 at %3 while you were editing it. Nothing was overwritten: reload to see their change, then apply yours again.</source>
            <translation>%1 hat diesen Datensatz (%2) um %3 geändert, während Sie ihn bearbeitet haben. Nichts wurde überschrieben: Laden Sie neu, um die Änderung zu sehen, und übernehmen Sie dann Ihre erneut.</translation>
        </message>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="38" />
            <source>Someone else changed this %1 while you were editing it. Nothing was overwritten: reload to see their change, then apply yours again.</source>
            <translation>Jemand anderes hat diesen Datensatz (%1) geändert, während Sie ihn bearbeitet haben. Nichts wurde überschrieben: Laden Sie neu, um die Änderung zu sehen, und übernehmen Sie dann Ihre erneut.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPdf</name>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="38" />
            <location filename="../ui/followup/summarypdf.cpp" line="80" />
            <source>Your %1 result</source>
            <translation>Ihr Befund: %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="40" />
            <source>For %1 · received %2</source>
            <translation>Für %1 · eingegangen am %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="43" />
            <source>What it means</source>
            <translation>Was das bedeutet</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="45" />
            <source>Your clinician will explain this result to you.</source>
            <translation>Ihre Behandlerin bzw. Ihr Behandler erklärt Ihnen diesen Befund.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="49" />
            <source>The values</source>
            <translation>Die Werte</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="53" />
            <source>Test</source>
            <translation>Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="53" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="54" />
            <source>Usual range</source>
            <translation>Üblicher Bereich</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="54" />
            <source>Note</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="28" />
            <source>outside the usual range</source>
            <translation>außerhalb des üblichen Bereichs</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="21" />
            <source>higher than usual</source>
            <translation>höher als üblich</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="23" />
            <source>lower than usual</source>
            <translation>niedriger als üblich</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="68" />
            <source>Laboratory report</source>
            <translation>Laborbericht</translation>
        </message>
    </context>
    <context>
        <name>SummaryTemplateRepository</name>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="104" />
            <source>Name the test this template is for.</source>
            <translation>Geben Sie die Untersuchung an, für die diese Vorlage gilt.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="106" />
            <source>The template is empty; write the summary text.</source>
            <translation>Die Vorlage ist leer; schreiben Sie den Text der Zusammenfassung.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="109" />
            <source>The template uses placeholders that do not exist: %1.</source>
            <translation>Die Vorlage verwendet Platzhalter, die es nicht gibt: %1.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="132" />
            <source>%1 has a template for abnormal results already.</source>
            <translation>Für %1 gibt es bereits eine Vorlage für auffällige Befunde.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="133" />
            <source>%1 has a template for normal results already.</source>
            <translation>Für %1 gibt es bereits eine Vorlage für unauffällige Befunde.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="138" />
            <source>The new template got no number.</source>
            <translation>Die neue Vorlage hat keine Nummer erhalten.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="159" />
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="178" />
            <source>summary template</source>
            <translation>Vorlage für Zusammenfassungen</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="194" />
            <source>There is no template for abnormal results of %1 yet; write the summary yourself or add a template.</source>
            <translation>Für auffällige Befunde von %1 gibt es noch keine Vorlage; schreiben Sie die Zusammenfassung selbst oder legen Sie eine Vorlage an.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="196" />
            <source>There is no template for normal results of %1 yet; write the summary yourself or add a template.</source>
            <translation>Für unauffällige Befunde von %1 gibt es noch keine Vorlage; schreiben Sie die Zusammenfassung selbst oder legen Sie eine Vorlage an.</translation>
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="212" />
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
    </context>
    <context>
        <name>SummaryText</name>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="29" />
            <source>normal %1–%2</source>
            <translation>normal %1–%2</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="32" />
            <source>normal from %1</source>
            <translation>normal ab %1</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="34" />
            <source>normal up to %1</source>
            <translation>normal bis %1</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="42" />
            <source>outside the normal range</source>
            <translation>außerhalb des Normbereichs</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="45" />
            <source>within the normal range</source>
            <translation>im Normbereich</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="47" />
            <source>below the normal range</source>
            <translation>unter dem Normbereich</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="49" />
            <source>above the normal range</source>
            <translation>über dem Normbereich</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="82" />
            <source>the client's first name</source>
            <translation>der Vorname der Person</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="83" />
            <source>the client's full name</source>
            <translation>der vollständige Name der Person</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="84" />
            <source>the name of the test</source>
            <translation>der Name der Untersuchung</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="85" />
            <source>the day the result arrived</source>
            <translation>der Tag, an dem der Befund eingegangen ist</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="86" />
            <source>every value and its normal range</source>
            <translation>alle Werte mit ihrem Normbereich</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="87" />
            <source>only the values out of range</source>
            <translation>nur die Werte außerhalb des Normbereichs</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="88" />
            <source>your name</source>
            <translation>Ihr Name</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="89" />
            <source>the practice's name</source>
            <translation>der Name der Praxis</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="90" />
            <source>the practice's phone number</source>
            <translation>die Telefonnummer der Praxis</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="118" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="122" />
            <source>, %1</source>
            <translation>, %1</translation>
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="135" />
            <location filename="../core/domain/summarytext.cpp" line="145" />
            <source>as the laboratory reports it</source>
            <translation>wie vom Labor berichtet</translation>
        </message>
    </context>
    <context>
        <name>TaskReason</name>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="22" />
            <source>Discuss a result</source>
            <translation>Befund besprechen</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="24" />
            <source>Pass on a result</source>
            <translation>Befund mitteilen</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="26" />
            <source>Check-in call</source>
            <translation>Nachfrageanruf</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="28" />
            <source>Call back an unhappy client</source>
            <translation>Unzufriedene Person zurückrufen</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="30" />
            <source>Rebook reminder</source>
            <translation>An Wiederbuchung erinnern</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="32" />
            <source>Annual review</source>
            <translation>Jahreskontrolle</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="34" />
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="46" />
            <source>Discuss the %1 result received on %2</source>
            <translation>Befund %1 vom %2 besprechen</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="50" />
            <source>Pass on the %1 result received on %2</source>
            <translation>Befund %1 vom %2 mitteilen</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="54" />
            <source>Ask how things are after %1 on %2</source>
            <translation>Nachfragen, wie es nach %1 am %2 geht</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="58" />
            <source>Answered %1 %2 of %3 on %4</source>
            <translation>Hat am %4 bei %1 mit %2 von %3 geantwortet</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="59" />
            <source>NPS</source>
            <translation>NPS</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="59" />
            <source>CSAT</source>
            <translation>CSAT</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="66" />
            <source>Nothing booked since %1 on %2</source>
            <translation>Nichts gebucht seit %1 am %2</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="70" />
            <source>A year since the last visit, %1 on %2</source>
            <translation>Ein Jahr seit dem letzten Besuch, %1 am %2</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="74" />
            <source>Not reached by phone about the %1 result</source>
            <translation>Wegen des Befunds %1 telefonisch nicht erreicht</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="76" />
            <source>Not reached by phone after %1 on %2</source>
            <translation>Nach %1 am %2 telefonisch nicht erreicht</translation>
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="77" />
            <source>Not reached by phone</source>
            <translation>Telefonisch nicht erreicht</translation>
        </message>
    </context>
    <context>
        <name>TouchpointRepository</name>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="26" />
            <source>A touchpoint must concern a client.</source>
            <translation>Ein Kontaktpunkt muss eine Klientin oder einen Klienten betreffen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="28" />
            <source>A touchpoint needs a kind.</source>
            <translation>Ein Kontaktpunkt braucht eine Art.</translation>
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="42" />
            <source>The database did not return the new touchpoint's id.</source>
            <translation>Die Datenbank hat die Nummer des neuen Kontaktpunkts nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="116" />
            <source>%1 %2 of %3</source>
            <translation>%1 %2 von %3</translation>
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="117" />
            <source>NPS</source>
            <translation>NPS</translation>
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="117" />
            <source>CSAT</source>
            <translation>CSAT</translation>
        </message>
    </context>
    <context>
        <name>UserRepository</name>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="46" />
            <source>A user name must not be empty or contain spaces.</source>
            <translation>Ein Benutzername darf nicht leer sein und keine Leerzeichen enthalten.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="60" />
            <source>The user name %1 is taken.</source>
            <translation>Der Benutzername %1 ist bereits vergeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="65" />
            <source>The database did not return the new user's id.</source>
            <translation>Die Datenbank hat die Nummer des neuen Benutzerkontos nicht zurückgegeben.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="78" />
            <source>This practice has users already; an administrator must add new ones.</source>
            <translation>Diese Praxis hat bereits Benutzerkonten; neue muss ein Administrator anlegen.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="116" />
            <location filename="../core/repositories/userrepository.cpp" line="166" />
            <source>There is no such user.</source>
            <translation>Dieses Benutzerkonto gibt es nicht.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="126" />
            <source>You cannot deactivate your own account.</source>
            <translation>Sie können Ihr eigenes Konto nicht deaktivieren.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="142" />
            <source>The user name or the password is not right.</source>
            <translation>Benutzername oder Passwort stimmt nicht.</translation>
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="155" />
            <source>This account has been deactivated.</source>
            <translation>Dieses Konto wurde deaktiviert.</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="18" />
            <source>Administrator</source>
            <translation>Administrator/in</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="20" />
            <source>Practice manager</source>
            <translation>Praxisleitung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="22" />
            <source>Clinician</source>
            <translation>Behandler/in</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="24" />
            <source>Reception</source>
            <translation>Empfang</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="33" />
            <source>female</source>
            <translation>weiblich</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="35" />
            <source>male</source>
            <translation>männlich</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="37" />
            <source>diverse</source>
            <translation>divers</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="39" />
            <source>not stated</source>
            <translation>keine Angabe</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="48" />
            <location filename="../ui/common/vocabularytext.cpp" line="120" />
            <source>E-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="50" />
            <location filename="../ui/common/vocabularytext.cpp" line="122" />
            <source>Text message</source>
            <translation>SMS</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="52" />
            <location filename="../ui/common/vocabularytext.cpp" line="118" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="54" />
            <location filename="../ui/common/vocabularytext.cpp" line="124" />
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="63" />
            <source>Appointment reminders</source>
            <translation>Terminerinnerungen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="65" />
            <source>Test results</source>
            <translation>Befunde</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="67" />
            <source>Feedback surveys</source>
            <translation>Feedback-Umfragen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="69" />
            <source>Newsletter</source>
            <translation>Newsletter</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="71" />
            <source>Community invitations</source>
            <translation>Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="73" />
            <source>Birthday greetings</source>
            <translation>Geburtstagsgrüße</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="82" />
            <source>any channel</source>
            <translation>jeder Weg</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="84" />
            <source>e-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="86" />
            <source>text message</source>
            <translation>SMS</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="88" />
            <source>phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="90" />
            <source>letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="99" />
            <source>Awareness</source>
            <translation>Aufmerksamkeit</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="101" />
            <source>Consideration</source>
            <translation>Überlegung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="103" />
            <source>Decision</source>
            <translation>Entscheidung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="105" />
            <source>In care</source>
            <translation>In Behandlung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="107" />
            <source>After care</source>
            <translation>Nachsorge</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="116" />
            <source>In person</source>
            <translation>Persönlich</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="133" />
            <source>Reached</source>
            <translation>Erreicht</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="135" />
            <source>Voicemail</source>
            <translation>Mailbox</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="137" />
            <source>No answer</source>
            <translation>Keine Antwort</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="139" />
            <source>Wrong number</source>
            <translation>Falsche Nummer</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="141" />
            <source>Busy or declined</source>
            <translation>Besetzt oder abgewiesen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="150" />
            <location filename="../ui/common/vocabularytext.cpp" line="169" />
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="152" />
            <source>call again</source>
            <translation>erneut anrufen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="154" />
            <source>appointment booked</source>
            <translation>Termin gebucht</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="156" />
            <source>handed over</source>
            <translation>übergeben</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="158" />
            <source>letter instead</source>
            <translation>stattdessen Brief</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="167" />
            <source>open</source>
            <translation>offen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="171" />
            <location filename="../ui/common/vocabularytext.cpp" line="216" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="180" />
            <source>received, not yet reviewed</source>
            <translation>eingegangen, noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="182" />
            <source>reviewed, not yet communicated</source>
            <translation>geprüft, noch nicht mitgeteilt</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="184" />
            <source>communicated</source>
            <translation>mitgeteilt</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="193" />
            <source>Card</source>
            <translation>Karte</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="195" />
            <source>Cash</source>
            <translation>Bar</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="197" />
            <source>Bank transfer</source>
            <translation>Überweisung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="199" />
            <source>Other</source>
            <translation>Sonstiges</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="208" />
            <source>booked</source>
            <translation>gebucht</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="210" />
            <source>confirmed</source>
            <translation>bestätigt</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="212" />
            <source>checked in</source>
            <translation>eingecheckt</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="214" />
            <source>completed</source>
            <translation>abgeschlossen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="218" />
            <source>no-show</source>
            <translation>nicht erschienen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="232" />
            <source>Urgent</source>
            <comment>task priority</comment>
            <translation>Dringend</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="234" />
            <source>High</source>
            <comment>task priority</comment>
            <translation>Hoch</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="236" />
            <source>Normal</source>
            <comment>task priority</comment>
            <translation>Normal</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="238" />
            <source>Low</source>
            <comment>task priority</comment>
            <translation>Niedrig</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="248" />
            <source>Registered</source>
            <translation>Registriert</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="249" />
            <source>Welcome pack</source>
            <translation>Willkommensmappe</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="250" />
            <source>Booking</source>
            <translation>Buchung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="251" />
            <source>Reminder</source>
            <translation>Erinnerung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="252" />
            <source>Check-in</source>
            <translation>Einchecken</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="253" />
            <source>Visit</source>
            <translation>Besuch</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="254" />
            <source>No-show</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="255" />
            <source>Cancellation</source>
            <translation>Absage</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="256" />
            <source>Thank-you</source>
            <translation>Dankeschön</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="257" />
            <source>Survey request</source>
            <translation>Umfrageeinladung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="258" />
            <source>Feedback</source>
            <translation>Feedback</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="259" />
            <source>Result explained</source>
            <translation>Befund erklärt</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="260" />
            <source>Invoice</source>
            <translation>Rechnung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="261" />
            <source>Payment</source>
            <translation>Zahlung</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="263" />
            <source>Newsletter invitation</source>
            <translation>Einladung zum Newsletter</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="264" />
            <source>Community invitation</source>
            <translation>Einladung zu Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="265" />
            <source>Birthday greeting</source>
            <translation>Geburtstagsgruß</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="266" />
            <source>Loyalty perk</source>
            <translation>Treuebonus</translation>
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="267" />
            <source>Recall call</source>
            <translation>Erinnerungsanruf</translation>
        </message>
    </context>
    <context>
        <name>WelcomePackPdf</name>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="37" />
            <source>Welcome, %1</source>
            <translation>Willkommen, %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="39" />
            <source>Thank you for choosing us. Here is everything you need for your first visit.</source>
            <translation>Vielen Dank, dass Sie sich für uns entschieden haben. Hier finden Sie alles, was Sie für Ihren ersten Besuch brauchen.</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="43" />
            <source>Your appointment</source>
            <translation>Ihr Termin</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="45" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="46" />
            <source>Time</source>
            <translation>Uhrzeit</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="50" />
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="50" />
            <source>1 minute</source>
            <translation>1 Minute</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="51" />
            <source>%1 minutes</source>
            <translation>%1 Minuten</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="52" />
            <source>Service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="53" />
            <source>With</source>
            <translation>Bei</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="55" />
            <source>Where</source>
            <translation>Wo</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="59" />
            <source>What to bring and how to prepare</source>
            <translation>Was Sie mitbringen und wie Sie sich vorbereiten</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="62" />
            <source>Nothing special is needed. Please bring your insurance card and arrive a few minutes early.</source>
            <translation>Besondere Vorbereitungen sind nicht nötig. Bitte bringen Sie Ihre Versichertenkarte mit und kommen Sie einige Minuten früher.</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="67" />
            <source>To cancel or reschedule</source>
            <translation>Termin absagen oder verschieben</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="70" />
            <source>How to reach us</source>
            <translation>So erreichen Sie uns</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="73" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="75" />
            <source>E-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="77" />
            <source>Opening hours</source>
            <translation>Öffnungszeiten</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="79" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="95" />
            <source>Welcome pack for %1</source>
            <translation>Willkommensmappe für %1</translation>
        </message>
    </context>
    <context>
        <name>WelcomePackReader</name>
        <message>
            <location filename="../core/reception/welcomepackreader.cpp" line="28" />
            <source>There is no appointment with the number %1.</source>
            <translation>Es gibt keinen Termin mit der Nummer %1.</translation>
        </message>
        <message>
            <location filename="../core/reception/welcomepackreader.cpp" line="64" />
            <source>If you cannot come or would like another time, please let us know at least 24 hours beforehand, so that someone else can have the appointment.</source>
            <translation>Wenn Sie nicht kommen können oder einen anderen Termin wünschen, sagen Sie uns bitte mindestens 24 Stunden vorher Bescheid, damit jemand anderes den Termin nutzen kann.</translation>
        </message>
    </context>
    <context>
        <name>Worklist</name>
        <message>
            <location filename="../core/aftercare/worklist.cpp" line="229" />
            <source>A page of the worklist needs a size and a start.</source>
            <translation>Eine Seite der Arbeitsliste braucht eine Größe und einen Anfang.</translation>
        </message>
        <message>
            <location filename="../core/aftercare/worklist.cpp" line="270" />
            <source>The task %1 is no longer open.</source>
            <translation>Die Aufgabe %1 ist nicht mehr offen.</translation>
        </message>
    </context>
    <context>
        <name>Workspaces</name>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="26" />
            <source>Follow-up</source>
            <translation>Nachsorge</translation>
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="32" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="38" />
            <source>Reception</source>
            <translation>Empfang</translation>
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="45" />
            <source>Dashboard</source>
            <translation>Kennzahlen</translation>
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="51" />
            <source>Administration</source>
            <translation>Verwaltung</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::AddUserDialog</name>
        <message>
            <location filename="../ui/admin/adduserdialog.cpp" line="23" />
            <source>&amp;Add user</source>
            <translation>Konto &amp;anlegen</translation>
        </message>
        <message>
            <location filename="../ui/admin/adduserdialog.cpp" line="27" />
            <source>Add user</source>
            <translation>Benutzerkonto anlegen</translation>
        </message>
        <message>
            <location filename="../ui/admin/adduserdialog.cpp" line="37" />
            <source>R&amp;ole:</source>
            <translation>&amp;Rolle:</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::AdminWorkspace</name>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="25" />
            <source>&amp;Add user…</source>
            <translation>Konto &amp;anlegen …</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="26" />
            <source>&amp;Reset password…</source>
            <translation>Passwort &amp;zurücksetzen …</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="27" />
            <location filename="../ui/admin/adminworkspace.cpp" line="103" />
            <source>&amp;Deactivate</source>
            <translation>&amp;Deaktivieren</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="30" />
            <source>Users and roles</source>
            <translation>Benutzer und Rollen</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="33" />
            <source>Everyone who signs in to Aftercare has an account here. The role decides which workspaces they see; deactivated accounts can no longer sign in.</source>
            <translation>Wer sich bei Aftercare anmeldet, hat hier ein Konto. Die Rolle bestimmt, welche Arbeitsbereiche man sieht; deaktivierte Konten können sich nicht mehr anmelden.</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="44" />
            <source>Add a user (Ctrl+N)</source>
            <translation>Benutzerkonto anlegen (Strg+N)</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="57" />
            <source>Users</source>
            <translation>Benutzerkonten</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="103" />
            <source>Re&amp;activate</source>
            <translation>&amp;Reaktivieren</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="105" />
            <source>You cannot deactivate your own account.</source>
            <translation>Sie können Ihr eigenes Konto nicht deaktivieren.</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="126" />
            <source>%1 can now sign in as “%2”.</source>
            <translation>%1 kann sich jetzt als „%2“ anmelden.</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="141" />
            <source>The password of %1 has been changed.</source>
            <translation>Das Passwort von %1 wurde geändert.</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="159" />
            <source>%1 can no longer sign in.</source>
            <translation>%1 kann sich nicht mehr anmelden.</translation>
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="160" />
            <source>%1 can sign in again.</source>
            <translation>%1 kann sich wieder anmelden.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::BookingDialog</name>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="41" />
            <source>&amp;Double-book anyway</source>
            <translation>Trotzdem &amp;doppelt buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="57" />
            <source>Book appointment</source>
            <translation>Termin buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="61" />
            <location filename="../ui/reception/bookingdialog.cpp" line="113" />
            <source>&amp;Book</source>
            <translation>&amp;Buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="70" />
            <source>Move appointment</source>
            <translation>Termin verschieben</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="81" />
            <source>&amp;Move</source>
            <translation>&amp;Verschieben</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="91" />
            <location filename="../ui/reception/bookingdialog.cpp" line="110" />
            <source>Book an appointment for %1</source>
            <translation>Termin für %1 buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="101" />
            <source>&amp;Choose</source>
            <translation>Ü&amp;bernehmen</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="165" />
            <source>Name, date of birth, phone, email or number</source>
            <translation>Name, Geburtsdatum, Telefon, E-Mail oder Nummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="170" />
            <source>No client chosen</source>
            <translation>Keine Klient/in gewählt</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="187" />
            <source>Why both clients are booked at this time</source>
            <translation>Warum beide Klient/innen zu dieser Zeit gebucht sind</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="197" />
            <source>&amp;Client:</source>
            <translation>&amp;Klient/in:</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="200" />
            <source>&amp;Practitioner:</source>
            <translation>B&amp;ehandler/in:</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="201" />
            <source>&amp;Service:</source>
            <translation>&amp;Leistung:</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="203" />
            <source>S&amp;tarts at:</source>
            <translation>Begi&amp;nn:</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="204" />
            <source>&amp;Notes:</source>
            <translation>No&amp;tizen:</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="206" />
            <source>&amp;Reason:</source>
            <translation>&amp;Grund:</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="229" />
            <source>Client: %1</source>
            <translation>Klient/in: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/bookingdialog.cpp" line="266" />
            <source>%n minutes, %1</source>
            <translation>
                <numerusform>%n Minute, %1</numerusform>
                <numerusform>%n Minuten, %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="288" />
            <source>A double-booking needs a reason.</source>
            <translation>Eine Doppelbuchung braucht einen Grund.</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="294" />
            <source>Please choose a practitioner.</source>
            <translation>Bitte wählen Sie eine Behandlerin bzw. einen Behandler.</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="359" />
            <source>Please choose a client.</source>
            <translation>Bitte wählen Sie eine Klientin bzw. einen Klienten.</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="365" />
            <source>Please choose a service.</source>
            <translation>Bitte wählen Sie eine Leistung.</translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="311" />
            <location filename="../ui/reception/bookingdialog.cpp" line="344" />
            <source>Choose another time, or tick "Double-book anyway" and give a reason.</source>
            <translation>Wählen Sie eine andere Zeit, oder kreuzen Sie „Trotzdem doppelt buchen“ an und geben Sie einen Grund an.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::CallDialog</name>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="38" />
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="38" />
            <source>Close without reaching them…</source>
            <translation>Schließen, ohne die Person erreicht zu haben…</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="40" />
            <source>Call again at…</source>
            <translation>Erneut anrufen am…</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="42" />
            <source>Book an appointment</source>
            <translation>Termin buchen</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="44" />
            <source>Escalate</source>
            <translation>Eskalieren</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="100" />
            <source>Call %1</source>
            <translation>%1 anrufen</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="118" />
            <source>Log call</source>
            <translation>Anruf erfassen</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="149" />
            <source>no phone number</source>
            <translation>keine Telefonnummer</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="158" />
            <source>Prefers: %1</source>
            <translation>Bevorzugt: %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="160" />
            <source>After each visit…</source>
            <translation>Nach jedem Besuch…</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="173" />
            <source>What to tell them</source>
            <translation>Was Sie mitteilen</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="176" />
            <source>No summary written yet.</source>
            <translation>Noch keine Zusammenfassung geschrieben.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="185" />
            <source>Open result…</source>
            <translation>Befund öffnen…</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="192" />
            <source>Their answer</source>
            <translation>Die Antwort</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="194" />
            <source>NPS</source>
            <translation>NPS</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="194" />
            <source>CSAT</source>
            <translation>CSAT</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="195" />
            <source>%1 score %2 on %3</source>
            <translation>%1-Wert %2 am %3</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="201" />
            <source>No comment.</source>
            <translation>Kein Kommentar.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="218" />
            <source>No calls yet.</source>
            <translation>Noch keine Anrufe.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="219" />
            <source>Calls so far</source>
            <translation>Bisherige Anrufe</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="232" />
            <source>Recent contacts</source>
            <translation>Letzte Kontakte</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="268" />
            <source>Notes:</source>
            <translation>Notizen:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="277" />
            <source>Call again at:</source>
            <translation>Erneut anrufen am:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="379" />
            <source>How was it settled?</source>
            <translation>Wie wurde es gelöst?</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="46" />
            <source>Write instead (letter or email)</source>
            <translation>Stattdessen schreiben (Brief oder E-Mail)</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="262" />
            <source>Choose what came of the call</source>
            <translation>Ergebnis des Anrufs wählen</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="264" />
            <source>&amp;Outcome:</source>
            <translation>&amp;Ergebnis:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="271" />
            <source>Choose what happens next</source>
            <translation>Nächsten Schritt wählen</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="272" />
            <source>Ne&amp;xt step:</source>
            <translation>Nächster &amp;Schritt:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="280" />
            <source>Hand over &amp;to:</source>
            <translation>Übergeben &amp;an:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="283" />
            <location filename="../ui/followup/calldialog.cpp" line="378" />
            <source>&amp;Resolution:</source>
            <translation>&amp;Lösung:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="293" />
            <source>Booking</source>
            <translation>Buchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="299" />
            <source>C&amp;hoose a time…</source>
            <translation>&amp;Termin wählen…</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="306" />
            <source>Answer to a survey question in the call</source>
            <translation>Antwort auf eine Umfragefrage im Gespräch</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="313" />
            <source>Satisfaction (CSAT 1–5)</source>
            <translation>Zufriedenheit (CSAT 1–5)</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="314" />
            <source>Recommendation (NPS 0–10)</source>
            <translation>Weiterempfehlung (NPS 0–10)</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="319" />
            <source>Question:</source>
            <translation>Frage:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="320" />
            <source>Score:</source>
            <translation>Wert:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="321" />
            <source>Comment:</source>
            <translation>Kommentar:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="325" />
            <source>Three calls went unanswered. A letter may reach them better.</source>
            <translation>Drei Anrufe blieben unbeantwortet. Ein Brief erreicht die Person vielleicht besser.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="327" />
            <source>Send a letter instead</source>
            <translation>Stattdessen einen Brief senden</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="378" />
            <source>&amp;Reason:</source>
            <translation>&amp;Begründung:</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="380" />
            <source>Why is it closed without reaching them?</source>
            <translation>Warum wird ohne Kontakt geschlossen?</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="402" />
            <source>No time chosen yet.</source>
            <translation>Noch kein Termin gewählt.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="409" />
            <source>%1 with %2: %3</source>
            <translation>%1 bei %2: %3</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="413" />
            <source>Double-booked: %1</source>
            <translation>Doppelt gebucht: %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="474" />
            <source>Choose what came of the call.</source>
            <translation>Wählen Sie das Ergebnis des Anrufs.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="477" />
            <source>Choose what happens next.</source>
            <translation>Wählen Sie den nächsten Schritt.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="493" />
            <source>Choose a time for the appointment first.</source>
            <translation>Wählen Sie zuerst einen Termin.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="515" />
            <source>%1 was written to by email.</source>
            <translation>%1 wurde per E-Mail angeschrieben.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="516" />
            <source>%1 was written to by letter.</source>
            <translation>%1 wurde per Brief angeschrieben.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="528" />
            <source>A letter task replaces the call to %1.</source>
            <translation>Eine Brief-Aufgabe ersetzt den Anruf bei %1.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="562" />
            <source>Call to %1 logged.</source>
            <translation>Anruf bei %1 erfasst.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="564" />
            <source>Appointment booked.</source>
            <translation>Termin gebucht.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="566" />
            <source>A recovery task was opened.</source>
            <translation>Eine Aufgabe zur Klärung wurde angelegt.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="568" />
            <source>A letter task was opened.</source>
            <translation>Eine Brief-Aufgabe wurde angelegt.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="570" />
            <source>The task stays open: next attempt %1.</source>
            <translation>Die Aufgabe bleibt offen: nächster Versuch %1.</translation>
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="573" />
            <source>Three calls went unanswered: consider a letter.</source>
            <translation>Drei Anrufe blieben unbeantwortet: Erwägen Sie einen Brief.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::CancelAppointmentDialog</name>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="23" />
            <source>Cancel appointment</source>
            <translation>Termin absagen</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="24" />
            <source>Why is %1's appointment on %2 with %3 cancelled?</source>
            <translation>Warum wird der Termin von %1 am %2 bei %3 abgesagt?</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="30" />
            <source>The client is ill</source>
            <translation>Klient/in ist krank</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="30" />
            <source>The client cannot make it</source>
            <translation>Klient/in kann den Termin nicht wahrnehmen</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="31" />
            <source>The client no longer needs the appointment</source>
            <translation>Klient/in braucht den Termin nicht mehr</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="32" />
            <source>The practitioner is unavailable</source>
            <translation>Behandelnde/r ist verhindert</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="32" />
            <source>Booked by mistake</source>
            <translation>Versehentlich gebucht</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="33" />
            <source>Other: …</source>
            <translation>Anderer Grund: …</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="37" />
            <source>The reason, in a few words</source>
            <translation>Der Grund, in wenigen Worten</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="44" />
            <source>Cancel &amp;appointment</source>
            <translation>Termin &amp;absagen</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="45" />
            <source>&amp;Keep it</source>
            <translation>&amp;Beibehalten</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="98" />
            <source>Please type the reason.</source>
            <translation>Bitte geben Sie den Grund ein.</translation>
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="99" />
            <source>Please choose a reason.</source>
            <translation>Bitte wählen Sie einen Grund.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientFinder</name>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="21" />
            <source>&amp;New client… (Ctrl+N)</source>
            <translation>Klient/in &amp;neu anlegen… (Strg+N)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="30" />
            <source>Name, date of birth, phone, e-mail or client number</source>
            <translation>Name, Geburtsdatum, Telefon, E-Mail oder Klientennummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="32" />
            <source>Find a client</source>
            <translation>Klient/in suchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="48" />
            <source>Matching clients</source>
            <translation>Passende Klientinnen und Klienten</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="56" />
            <source>&amp;Find client:</source>
            <translation>&amp;Klient/in suchen:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="116" />
            <source>Type a name (“Müller, Anna” or “Anna Mü”), a date of birth, a phone number, an e-mail address or a client number. Ctrl+K brings you here from anywhere.</source>
            <translation>Geben Sie einen Namen („Müller, Anna“ oder „Anna Mü“), ein Geburtsdatum, eine Telefonnummer, eine E-Mail-Adresse oder eine Klientennummer ein. Mit Strg+K kommen Sie von überall hierher.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="121" />
            <source>Keep typing the date of birth: day.month.year, e.g. 12.03.1985.</source>
            <translation>Geben Sie das Geburtsdatum vollständig ein: Tag.Monat.Jahr, z. B. 12.03.1985.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="124" />
            <source>There is no such date.</source>
            <translation>Dieses Datum gibt es nicht.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="127" />
            <source>Type at least three digits of the phone number.</source>
            <translation>Geben Sie mindestens drei Ziffern der Telefonnummer ein.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="131" />
            <source>No client matches “%1”. Press Enter to register a new client.</source>
            <translation>Kein Eintrag passt zu „%1“. Mit der Eingabetaste legen Sie eine neue Klientin bzw. einen neuen Klienten an.</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/clientfinder.cpp" line="134" />
            <source>The first %n matching clients. Press Enter to open the highlighted one.</source>
            <translation>
                <numerusform>Der erste passende Eintrag. Mit der Eingabetaste öffnen Sie den markierten.</numerusform>
                <numerusform>Die ersten %n passenden Einträge. Mit der Eingabetaste öffnen Sie den markierten.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/clientfinder.cpp" line="138" />
            <source>%n matching clients. Press Enter to open the highlighted one.</source>
            <translation>
                <numerusform>%n passender Eintrag. Mit der Eingabetaste öffnen Sie ihn.</numerusform>
                <numerusform>%n passende Einträge. Mit der Eingabetaste öffnen Sie den markierten.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientIdentityLabel</name>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="18" />
            <source>born %1 (%2)</source>
            <translation>geb. %1 (%2)</translation>
        </message>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="21" />
            <source>date of birth not recorded</source>
            <translation>Geburtsdatum nicht erfasst</translation>
        </message>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="22" />
            <source>no client number</source>
            <translation>keine Klientennummer</translation>
        </message>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="23" />
            <source>client no. %1</source>
            <translation>Klienten-Nr. %1</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientMatchModel</name>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="17" />
            <source>Found by client number</source>
            <translation>Gefunden über die Klientennummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="19" />
            <source>Found by name</source>
            <translation>Gefunden über den Namen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="21" />
            <source>Found by date of birth</source>
            <translation>Gefunden über das Geburtsdatum</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="23" />
            <source>Found by phone number</source>
            <translation>Gefunden über die Telefonnummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="25" />
            <source>Found by e-mail address</source>
            <translation>Gefunden über die E-Mail-Adresse</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="88" />
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="89" />
            <source>%1 (archived)</source>
            <translation>%1 (archiviert)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="109" />
            <source>Next: %1 with %2</source>
            <translation>Nächster Termin: %1 bei %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="133" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="135" />
            <source>Born</source>
            <translation>Geboren</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="137" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="139" />
            <source>Client no.</source>
            <translation>Klienten-Nr.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="141" />
            <source>Next appointment</source>
            <translation>Nächster Termin</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="143" />
            <source>With</source>
            <translation>Bei</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientPanel</name>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="53" />
            <source>No consent has been recorded for this client.</source>
            <translation>Für diese Person ist keine Einwilligung erfasst.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="55" />
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="56" />
            <source>&amp;Open profile</source>
            <translation>&amp;Profil öffnen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="57" />
            <source>Boo&amp;k…</source>
            <translation>&amp;Buchen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="64" />
            <source>Purpose</source>
            <translation>Zweck</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="64" />
            <source>Channel</source>
            <translation>Weg</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="64" />
            <source>Consent</source>
            <translation>Einwilligung</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="70" />
            <location filename="../ui/reception/clientpanel.cpp" line="105" />
            <source>Consents in force</source>
            <translation>Gültige Einwilligungen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="75" />
            <source>Back to the search (Esc)</source>
            <translation>Zurück zur Suche (Esc)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="78" />
            <source>Phone:</source>
            <translation>Telefon:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="79" />
            <source>E-mail:</source>
            <translation>E-Mail:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="80" />
            <source>Address:</source>
            <translation>Adresse:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="81" />
            <source>Prefers:</source>
            <translation>Bevorzugt:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="84" />
            <source>Stage:</source>
            <translation>Phase:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="85" />
            <source>Client since:</source>
            <translation>Klient/in seit:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="86" />
            <source>Came through:</source>
            <translation>Gekommen über:</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="99" />
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="102" />
            <source>Journey</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="111" />
            <source>Everything about this client: history, invoices, timeline (Ctrl+O)</source>
            <translation>Alles zu dieser Person: Historie, Rechnungen, Zeitleiste (Strg+O)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="120" />
            <source>A new appointment for this client</source>
            <translation>Ein neuer Termin für diese Klientin bzw. diesen Klienten</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="130" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="146" />
            <source>%1 (archived)</source>
            <translation>%1 (archiviert)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="148" />
            <source>Client no. %1</source>
            <translation>Klienten-Nr. %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="150" />
            <source>born %1 (age %2)</source>
            <translation>geboren am %1 (%2 Jahre)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="166" />
            <source>recommended by %1</source>
            <translation>empfohlen von %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="188" />
            <source>given</source>
            <translation>erteilt</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="188" />
            <source>refused</source>
            <translation>verweigert</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="191" />
            <source>Recorded on %1</source>
            <translation>Erfasst am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="192" />
            <source>Recorded on %1: %2</source>
            <translation>Erfasst am %1: %2</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientPicker</name>
        <message>
            <location filename="../ui/reception/clientpicker.cpp" line="23" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpicker.cpp" line="26" />
            <source>Search by name, date of birth, phone or e-mail</source>
            <translation>Suche nach Name, Geburtsdatum, Telefon oder E-Mail</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientpicker.cpp" line="61" />
            <source>Referred by %1</source>
            <translation>Empfohlen von %1</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientProfile</name>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="64" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="77" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <source>Service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <source>With</source>
            <translation>Bei</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <location filename="../ui/reception/clientprofile.cpp" line="95" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="86" />
            <source>Boo&amp;k appointment…</source>
            <translation>Termin buc&amp;hen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="87" />
            <source>Show in &amp;diary</source>
            <translation>Im Term&amp;inplan zeigen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="88" />
            <source>Mo&amp;ve…</source>
            <translation>&amp;Verschieben…</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="89" />
            <source>Cancel appoint&amp;ment…</source>
            <translation>Termin a&amp;bsagen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Invoice</source>
            <translation>Rechnung</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Issued</source>
            <translation>Gestellt</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Paid</source>
            <translation>Bezahlt</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="95" />
            <source>Test</source>
            <translation>Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="95" />
            <source>Received</source>
            <translation>Eingegangen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="105" />
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="124" />
            <source>A new appointment for this client</source>
            <translation>Ein neuer Termin für diese Klientin bzw. diesen Klienten</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="139" />
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="141" />
            <source>Consent history</source>
            <translation>Einwilligungsverlauf</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="151" />
            <source>&amp;Timeline</source>
            <translation>&amp;Zeitleiste</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="161" />
            <source>&amp;Appointments</source>
            <translation>&amp;Termine</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="162" />
            <source>&amp;Invoices</source>
            <translation>&amp;Rechnungen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="163" />
            <source>Res&amp;ults</source>
            <translation>Be&amp;funde</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="221" />
            <location filename="../ui/reception/clientprofile.cpp" line="326" />
            <source>&amp;Timeline (%1)</source>
            <translation>&amp;Zeitleiste (%1)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="240" />
            <source>born %1 (%2)</source>
            <translation>geboren am %1 (%2)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="243" />
            <source>stage: %1</source>
            <translation>Phase: %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="244" />
            <source>client since %1</source>
            <translation>Klient/in seit %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="282" />
            <source>Upcoming (%1)</source>
            <translation>Anstehend (%1)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="283" />
            <source>Past (%1)</source>
            <translation>Vergangen (%1)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="284" />
            <source>&amp;Appointments (%1 ahead)</source>
            <translation>&amp;Termine (%1 anstehend)</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="341" />
            <source>Booked: %1 with %2.</source>
            <translation>Gebucht: %1 bei %2.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="359" />
            <source>Moved to %1 with %2.</source>
            <translation>Verschoben auf %1 bei %2.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="382" />
            <source>Cancelled: %1.</source>
            <translation>Abgesagt: %1.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="404" />
            <source>draft</source>
            <translation>Entwurf</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="408" />
            <source>overdue since %1</source>
            <translation>überfällig seit %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="409" />
            <source>issued, due %1</source>
            <translation>gestellt, fällig am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="412" />
            <source>paid %1</source>
            <translation>bezahlt am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="415" />
            <source>void</source>
            <translation>storniert</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="423" />
            <source>Open balance: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Offener Betrag: &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="424" />
            <source>Nothing owed.</source>
            <translation>Nichts offen.</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="441" />
            <source>received, not yet reviewed</source>
            <translation>eingegangen, noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="444" />
            <source>reviewed, not yet discussed with the client</source>
            <translation>geprüft, noch nicht mit der Person besprochen</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="447" />
            <source>discussed %1</source>
            <translation>besprochen am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="453" />
            <source>Res&amp;ults (%1)</source>
            <translation>Be&amp;funde (%1)</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClinicalFinderDialog</name>
        <message>
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="20" />
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="29" />
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="57" />
            <source>Find a client</source>
            <translation>Klient/in suchen</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="30" />
            <source>No client matches “%1”. New clients are registered at the reception desk.</source>
            <translation>Niemand passt zu „%1“. Neue Klientinnen und Klienten werden am Empfang aufgenommen.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClinicalProfileDialog</name>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="59" />
            <source>Clinical profile — %1</source>
            <translation>Klinisches Profil — %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="68" />
            <source>no phone number</source>
            <translation>keine Telefonnummer</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="71" />
            <source>prefers: %1</source>
            <translation>bevorzugt: %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <source>Received</source>
            <translation>Eingegangen</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <source>Test</source>
            <translation>Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <source>Out of range</source>
            <translation>Außerhalb des Bereichs</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="79" />
            <source>Told / discussed</source>
            <translation>Mitgeteilt / besprochen</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="79" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Calls and outcomes</source>
            <translation>Anrufe und Ergebnisse</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Answered</source>
            <translation>Beantwortet</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Question</source>
            <translation>Frage</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Score</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Comment</source>
            <translation>Kommentar</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="137" />
            <source>(no summary yet)</source>
            <translation>(noch keine Zusammenfassung)</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="137" />
            <source>(not signed off) %1</source>
            <translation>(nicht freigegeben) %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="150" />
            <source>&amp;Results (%1)</source>
            <translation>&amp;Befunde (%1)</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="162" />
            <source>no call yet</source>
            <translation>noch kein Anruf</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="163" />
            <source>%n calls</source>
            <translation>
                <numerusform>%n Anruf</numerusform>
                <numerusform>%n Anrufe</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="180" />
            <source>&amp;Calls (%1)</source>
            <translation>&amp;Anrufe (%1)</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="190" />
            <source>Recommendation (NPS 0–10)</source>
            <translation>Weiterempfehlung (NPS 0–10)</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="190" />
            <source>Satisfaction (CSAT 1–5)</source>
            <translation>Zufriedenheit (CSAT 1–5)</translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="195" />
            <source>&amp;Feedback (%1)</source>
            <translation>&amp;Feedback (%1)</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ConsentFields</name>
        <message>
            <location filename="../ui/reception/consentfields.cpp" line="27" />
            <source>Channel for %1</source>
            <translation>Weg für %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/consentfields.cpp" line="40" />
            <source>Signed intake form</source>
            <translation>Unterschriebener Aufnahmebogen</translation>
        </message>
        <message>
            <location filename="../ui/reception/consentfields.cpp" line="41" />
            <source>Evide&amp;nce:</source>
            <translation>Nach&amp;weis:</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::DashboardCharts</name>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="274" />
            <source>&amp;Satisfaction</source>
            <translation>&amp;Zufriedenheit</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="275" />
            <source>C&amp;lients</source>
            <translation>&amp;Klient/innen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="276" />
            <source>&amp;Follow-up and visits</source>
            <translation>&amp;Nachsorge und Besuche</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="326" />
            <source>CSAT by month (%)</source>
            <translation>CSAT nach Monat (%)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="330" />
            <source>CSAT</source>
            <translation>CSAT</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="333" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="409" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="532" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="559" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="579" />
            <source>%</source>
            <translation>%</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="337" />
            <source>CSAT answers</source>
            <translation>CSAT-Antworten</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="344" />
            <source>NPS by month, with its 95 % interval</source>
            <translation>NPS nach Monat, mit 95-%-Intervall</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="346" />
            <source>Promoters</source>
            <translation>Promotoren</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="347" />
            <source>Passives</source>
            <translation>Passive</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="348" />
            <source>Detractors</source>
            <translation>Kritiker</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="372" />
            <source>answers</source>
            <translation>Antworten</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="375" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="381" />
            <source>NPS</source>
            <translation>NPS</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="377" />
            <source>95 % interval</source>
            <translation>95-%-Intervall</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="401" />
            <source>Retention and churn by month (%)</source>
            <translation>Bindung und Abwanderung nach Monat (%)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="410" />
            <source>Retention</source>
            <translation>Bindung</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="410" />
            <source>Churn</source>
            <translation>Abwanderung</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="416" />
            <source>Clients who lapsed</source>
            <translation>Abgewanderte Klient/innen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="249" />
            <source>Cohort retention: back within k months (%)</source>
            <translation>Kohortenbindung: zurück innerhalb von k Monaten (%)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="167" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="179" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>Clients</source>
            <translation>Klient/innen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>3 mo.</source>
            <translation>3 Mon.</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>6 mo.</source>
            <translation>6 Mon.</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>12 mo.</source>
            <translation>12 Mon.</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="234" />
            <source>3 months</source>
            <translation>3 Monate</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="234" />
            <source>6 months</source>
            <translation>6 Monate</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="234" />
            <source>12 months</source>
            <translation>12 Monate</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="245" />
            <source>Cohort retention: back within k months</source>
            <translation>Kohortenbindung: zurück innerhalb von k Monaten</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="267" />
            <source>Clients of the cohort</source>
            <translation>Klient/innen der Kohorte</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="331" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="412" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="457" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="529" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="558" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="584" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="585" />
            <source> %</source>
            <translation> %</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="445" />
            <source>%n client(s) came for the first time in %1</source>
            <translation>
                <numerusform>%n Klient/in kam im %1 zum ersten Mal</numerusform>
                <numerusform>%n Klient/innen kamen im %1 zum ersten Mal</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="460" />
            <source>%1: %2 of %3 back within %4 months (%5)</source>
            <translation>%1: %2 von %3 innerhalb von %4 Monaten zurück (%5)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="467" />
            <source>%1: no new clients</source>
            <translation>%1: keine neuen Klient/innen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="468" />
            <source>%1: the %2 months have not passed for the whole cohort yet</source>
            <translation>%1: die %2 Monate sind für die ganze Kohorte noch nicht vergangen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="485" />
            <source>New clients by referral source</source>
            <translation>Neue Klientinnen und Klienten nach Empfehlungsquelle</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="487" />
            <source>New clients</source>
            <translation>Neue Klientinnen und Klienten</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="492" />
            <source>not recorded</source>
            <translation>nicht erfasst</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="499" />
            <source>clients</source>
            <translation>Klient/innen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="509" />
            <source>New clients: %1</source>
            <translation>Neue Klientinnen und Klienten: %1</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="516" />
            <source>SLA adherence by kind (%)</source>
            <translation>SLA-Einhaltung nach Art (%)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="518" />
            <source>Done on time</source>
            <translation>Fristgerecht erledigt</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="549" />
            <source>Post-service steps done (%)</source>
            <translation>Erledigte Nachsorgeschritte (%)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="551" />
            <source>Done where it applied</source>
            <translation>Erledigt, wo zutreffend</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="564" />
            <source>Visits</source>
            <translation>Besuche</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="571" />
            <source>No-show and rebooking rates by month (%)</source>
            <translation>Ausfall- und Wiederbuchungsquote nach Monat (%)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="580" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="588" />
            <source>No-shows</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="581" />
            <source>Rebooked</source>
            <translation>Wieder gebucht</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="593" />
            <source>Rebooked visits</source>
            <translation>Wieder gebuchte Besuche</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::DashboardWorkspace</name>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="58" />
            <source>All practitioners</source>
            <translation>Alle Behandelnden</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="59" />
            <source>All services</source>
            <translation>Alle Leistungen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="61" />
            <source>All referral sources</source>
            <translation>Alle Empfehlungsquellen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="64" />
            <source>Print pre&amp;view…</source>
            <translation>Druck&amp;vorschau…</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="65" />
            <source>Save P&amp;DF…</source>
            <translation>P&amp;DF speichern…</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="77" />
            <source>Practitioner</source>
            <translation>Behandler/in</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="78" />
            <source>Service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="79" />
            <source>Referral source</source>
            <translation>Empfehlungsquelle</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="90" />
            <source>F&amp;ilter:</source>
            <translation>F&amp;ilter:</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="102" />
            <source>CSAT</source>
            <translation>CSAT</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="103" />
            <source>NPS</source>
            <translation>NPS</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="104" />
            <source>Retention</source>
            <translation>Bindung</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="105" />
            <source>No-show rate</source>
            <translation>Ausfallquote</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="106" />
            <source>Rebooking rate</source>
            <translation>Wiederbuchungsquote</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="108" />
            <source>Referral rate</source>
            <translation>Empfehlungsquote</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="110" />
            <source>SLA adherence</source>
            <translation>SLA-Einhaltung</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="111" />
            <source>Post-service delta</source>
            <translation>Nachsorge-Delta</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="114" />
            <source>Lifetime value (CLV)</source>
            <translation>Kundenwert (CLV)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="254" />
            <source>Counting…</source>
            <translation>Wird gezählt…</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="275" />
            <source>%1 so far, compared with %2 (the same days of the period before).</source>
            <translation>%1 bisher, verglichen mit %2 (dieselben Tage des Zeitraums davor).</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="277" />
            <source>%1, compared with %2.</source>
            <translation>%1, verglichen mit %2.</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="280" />
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="280" />
            <source> points</source>
            <translation> Punkte</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="336" />
            <source>predicted: %1 (%2)</source>
            <translation>erwartet: %1 (%2)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="379" />
            <source>Save the report as PDF</source>
            <translation>Bericht als PDF speichern</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="380" />
            <source>report-%1-to-%2.pdf</source>
            <translation>bericht-%1-bis-%2.pdf</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="382" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="393" />
            <source>The report was saved as %1.</source>
            <translation>Der Bericht wurde als %1 gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::DesktopController</name>
        <message>
            <location filename="../ui/desktopcontroller.cpp" line="81" />
            <location filename="../ui/desktopcontroller.cpp" line="162" />
            <source>Aftercare</source>
            <translation>Aftercare</translation>
        </message>
        <message>
            <location filename="../ui/desktopcontroller.cpp" line="82" />
            <source>The practice's database cannot be read.

%1</source>
            <translation>Die Datenbank der Praxis lässt sich nicht lesen.

%1</translation>
        </message>
        <message>
            <location filename="../ui/desktopcontroller.cpp" line="159" />
            <source>Tidying the practice's database file so that it stays quick to read.
This happens about once a month and takes a moment.</source>
            <translation>Die Datenbankdatei der Praxis wird aufgeräumt, damit sie schnell lesbar bleibt.
Das geschieht etwa einmal im Monat und dauert einen Moment.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::DrilldownDialog</name>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="26" />
            <source>&amp;Export CSV…</source>
            <translation>Als CSV &amp;exportieren…</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="28" />
            <source>list-%1-to-%2</source>
            <translation>liste-%1-bis-%2</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="33" />
            <source>%1, %2 to %3</source>
            <translation>%1, %2 bis %3</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="37" />
            <source>Save every row of the list, in this order, as a CSV file</source>
            <translation>Alle Zeilen der Liste in dieser Reihenfolge als CSV-Datei speichern</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="46" />
            <source>Double-click a row or press Enter to open the client's profile</source>
            <translation>Doppelklicken Sie auf eine Zeile oder drücken Sie die Eingabetaste, um das Profil der Klientin oder des Klienten zu öffnen</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="80" />
            <source>The list cannot be shown.</source>
            <translation>Die Liste lässt sich nicht anzeigen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="83" />
            <source>%1: %Ln rows</source>
            <translation>
                <numerusform>%1: %Ln Zeile</numerusform>
                <numerusform>%1: %Ln Zeilen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="112" />
            <source>The list could not be written to %1: %2</source>
            <translation>Die Liste konnte nicht nach %1 geschrieben werden: %2</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="118" />
            <source>Export the list as CSV</source>
            <translation>Liste als CSV exportieren</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="119" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="129" />
            <source>%n row(s) saved as %1.</source>
            <translation>
                <numerusform>%n Zeile als %1 gespeichert.</numerusform>
                <numerusform>%n Zeilen als %1 gespeichert.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::DrilldownModel</name>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="73" />
            <source>done on time</source>
            <translation>fristgerecht erledigt</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="73" />
            <source>late or not done</source>
            <translation>verspätet oder nicht erledigt</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="75" />
            <source>promoter</source>
            <translation>Promotor</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="77" />
            <source>passive</source>
            <translation>Passiv</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="79" />
            <source>detractor</source>
            <translation>Kritiker</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="81" />
            <source>referral source not recorded</source>
            <translation>Empfehlungsquelle nicht erfasst</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="102" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="197" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="202" />
            <source>Answered</source>
            <translation>Beantwortet</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="204" />
            <source>Last visit</source>
            <translation>Letzter Besuch</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="206" />
            <source>Deadline</source>
            <translation>Frist</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="208" />
            <source>Appointment</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="211" />
            <source>Score</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="213" />
            <source>Practitioner</source>
            <translation>Behandler/in</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="215" />
            <source>Service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="217" />
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::FigureTile</name>
        <message>
            <location filename="../ui/today/figuretile.cpp" line="39" />
            <source>not available</source>
            <translation>nicht verfügbar</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::FirstBookingFields</name>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="38" />
            <source>&amp;Book the first appointment now</source>
            <translation>Ersten Termin jetzt &amp;buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="44" />
            <source>Double-boo&amp;k anyway</source>
            <translation>Trotzdem &amp;doppelt buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="73" />
            <source>Why both clients are booked at this time</source>
            <translation>Warum beide Klient/innen zu dieser Zeit gebucht sind</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="79" />
            <source>Practi&amp;tioner:</source>
            <translation>Be&amp;handler/in:</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="80" />
            <source>Ser&amp;vice:</source>
            <translation>Le&amp;istung:</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="82" />
            <source>Starts &amp;at:</source>
            <translation>Beginnt u&amp;m:</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="173" />
            <source>%1 min, %2</source>
            <translation>%1 Min., %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="180" />
            <source>Choose a practitioner and a service for the first booking.</source>
            <translation>Wählen Sie eine Behandlerin bzw. einen Behandler und eine Leistung für die erste Buchung.</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="183" />
            <source>The first appointment lies in the past.</source>
            <translation>Der erste Termin liegt in der Vergangenheit.</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="191" />
            <source>Choose another time, or double-book with a reason.</source>
            <translation>Wählen Sie eine andere Zeit, oder buchen Sie mit Begründung doppelt.</translation>
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="193" />
            <source>A double-booking needs a reason.</source>
            <translation>Eine Doppelbuchung braucht einen Grund.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::FirstRunDialog</name>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="22" />
            <source>&amp;Create and sign in</source>
            <translation>&amp;Anlegen und anmelden</translation>
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="26" />
            <source>Aftercare — Welcome</source>
            <translation>Aftercare – Willkommen</translation>
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="28" />
            <source>Welcome to Aftercare</source>
            <translation>Willkommen bei Aftercare</translation>
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="31" />
            <source>This practice has no users yet. Create the first administrator account: it can add everyone else and give them their roles.</source>
            <translation>Diese Praxis hat noch keine Benutzerkonten. Legen Sie das erste Administratorkonto an: Damit können Sie alle weiteren Konten anlegen und ihnen Rollen geben.</translation>
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="38" />
            <source>e.g. admin</source>
            <translation>z. B. admin</translation>
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="46" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::FollowUpWorkspace</name>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="38" />
            <source>Overdue only</source>
            <translation>Nur überfällige</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="39" />
            <source>Plan follow-ups</source>
            <translation>Nachsorge planen</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="42" />
            <source>Show every client</source>
            <translation>Alle Klient/innen zeigen</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="56" />
            <source>Mine and unassigned</source>
            <translation>Meine und nicht zugewiesene</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="57" />
            <source>Mine</source>
            <translation>Meine</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="58" />
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="59" />
            <source>Every kind</source>
            <translation>Jede Art</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="63" />
            <source>Calls and tasks due</source>
            <translation>Fällige Anrufe und Aufgaben</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="70" />
            <source>Show:</source>
            <translation>Anzeigen:</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="98" />
            <source>Open call…</source>
            <translation>Anruf öffnen…</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="100" />
            <source>Summary &amp;templates…</source>
            <translation>Zusammenfassungs&amp;vorlagen…</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="102" />
            <source>Find client… (Ctrl+K)</source>
            <translation>Klient/in suchen… (Strg+K)</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="178" />
            <source>Only %1</source>
            <translation>Nur %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="179" />
            <source>Only one client (nothing due)</source>
            <translation>Nur eine Klientin bzw. ein Klient (nichts fällig)</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/followupworkspace.cpp" line="185" />
            <source>%n due</source>
            <translation>
                <numerusform>%n fällig</numerusform>
                <numerusform>%n fällig</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/followupworkspace.cpp" line="186" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n überfällig</numerusform>
                <numerusform>%n überfällig</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/followupworkspace.cpp" line="203" />
            <source>%n new tasks planned.</source>
            <translation>
                <numerusform>%n neue Aufgabe geplant.</numerusform>
                <numerusform>%n neue Aufgaben geplant.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::FormDialog</name>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="133" />
            <source>Discard your changes?</source>
            <translation>Änderungen verwerfen?</translation>
        </message>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="135" />
            <source>What you entered here has not been saved.</source>
            <translation>Was Sie hier eingegeben haben, ist noch nicht gespeichert.</translation>
        </message>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="136" />
            <source>&amp;Discard</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="138" />
            <source>&amp;Keep editing</source>
            <translation>&amp;Weiter bearbeiten</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::InvoiceDocumentDialog</name>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="32" />
            <source>&amp;Print…</source>
            <translation>&amp;Drucken…</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="34" />
            <source>&amp;Save as PDF…</source>
            <translation>Als PDF &amp;speichern…</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="50" />
            <source>Invoice</source>
            <translation>Rechnung</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="72" />
            <source>%1 could not be written to %2.</source>
            <translation>%1 konnte nicht unter %2 gespeichert werden.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="76" />
            <source>Saved to %1.</source>
            <translation>Unter %1 gespeichert.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="77" />
            <source>%1 saved as PDF</source>
            <translation>%1 als PDF gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="96" />
            <source>Save %1</source>
            <translation>%1 speichern</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="97" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="101" />
            <source>%1 %2.pdf</source>
            <translation>%1 %2.pdf</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="116" />
            <source>Sent to the printer.</source>
            <translation>An den Drucker gesendet.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="118" />
            <source>%1 printed and handed over</source>
            <translation>%1 gedruckt und ausgehändigt</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::InvoicePage</name>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="57" />
            <source>Draft</source>
            <translation>Entwurf</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="59" />
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Issued</source>
            <translation>Gestellt</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="61" />
            <location filename="../ui/reception/invoicepage.cpp" line="104" />
            <source>Paid</source>
            <translation>Bezahlt</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="63" />
            <source>Void</source>
            <translation>Storniert</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="87" />
            <source>Add li&amp;ne</source>
            <translation>Position &amp;hinzufügen</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="88" />
            <source>&amp;Remove line</source>
            <translation>Position &amp;entfernen</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="89" />
            <source>&amp;Issue</source>
            <translation>Rechnung &amp;stellen</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="90" />
            <source>Prin&amp;t / PDF…</source>
            <translation>Drucken / P&amp;DF…</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="96" />
            <source>Record &amp;payment</source>
            <translation>&amp;Zahlung erfassen</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="101" />
            <source>Drafts to review</source>
            <translation>Zu prüfende Entwürfe</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="102" />
            <source>Issued, not paid</source>
            <translation>Gestellt, nicht bezahlt</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="103" />
            <location filename="../ui/reception/invoicepage.cpp" line="111" />
            <source>Overdue</source>
            <translation>Überfällig</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="105" />
            <source>&amp;Show:</source>
            <translation>&amp;Anzeigen:</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="111" />
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="139" />
            <source>%n days</source>
            <translation>
                <numerusform>%n Tag</numerusform>
                <numerusform>%n Tage</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Qty</source>
            <translation>Menge</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Unit price</source>
            <translation>Einzelpreis</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="169" />
            <source>The invoice, or the receipt once it is paid, to print or to save as a PDF</source>
            <translation>Die Rechnung, nach der Zahlung die Quittung, zum Drucken oder als PDF speichern</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="179" />
            <source>Amount paid</source>
            <translation>Gezahlter Betrag</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="209" />
            <source>Pai&amp;d on:</source>
            <translation>Bezahlt a&amp;m:</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="356" />
            <source>%n drafts, %1 in all</source>
            <translation>
                <numerusform>%n Entwurf, insgesamt %1</numerusform>
                <numerusform>%n Entwürfe, insgesamt %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="360" />
            <source>%n invoices not paid, %1 open</source>
            <translation>
                <numerusform>%n Rechnung nicht bezahlt, %1 offen</numerusform>
                <numerusform>%n Rechnungen nicht bezahlt, %1 offen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="364" />
            <source>%n invoices overdue, %1 open</source>
            <translation>
                <numerusform>%n Rechnung überfällig, %1 offen</numerusform>
                <numerusform>%n Rechnungen überfällig, %1 offen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="368" />
            <source>%n invoices paid, %1 in all</source>
            <translation>
                <numerusform>%n Rechnung bezahlt, insgesamt %1</numerusform>
                <numerusform>%n Rechnungen bezahlt, insgesamt %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="525" />
            <source>%1 issued to %2; due on %3.</source>
            <translation>%1 an %2 gestellt; fällig am %3.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="558" />
            <source>%1 from %2 for %3; the invoice is paid.</source>
            <translation>%1 von %2 für %3; die Rechnung ist bezahlt.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="560" />
            <source>%1 from %2 for %3; %4 still open.</source>
            <translation>%1 von %2 für %3; noch %4 offen.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="205" />
            <source>A&amp;mount:</source>
            <translation>&amp;Betrag:</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="207" />
            <source>M&amp;ethod:</source>
            <translation>Zahlungsa&amp;rt:</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="396" />
            <source>Invoice %1 · %2 · %3</source>
            <translation>Rechnung %1 · %2 · %3</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="399" />
            <source>%n days overdue</source>
            <translation>
                <numerusform>%n Tag überfällig</numerusform>
                <numerusform>%n Tage überfällig</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="420" />
            <source>Total %1 · paid %2 · open %3</source>
            <translation>Summe %1 · bezahlt %2 · offen %3</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="424" />
            <source>due %1</source>
            <translation>fällig am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="428" />
            <source>Payment for %1 · %2:</source>
            <translation>Zahlung für %1 · %2:</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="430" />
            <source>%1 is paid in full.</source>
            <translation>%1 ist vollständig bezahlt.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="432" />
            <source>Payments are taken once the invoice is issued.</source>
            <translation>Zahlungen werden erfasst, sobald die Rechnung gestellt ist.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="436" />
            <source>No invoice in this list.</source>
            <translation>Keine Rechnung in dieser Liste.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="462" />
            <source>The quantity is a whole number.</source>
            <translation>Die Menge ist eine ganze Zahl.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="468" />
            <source>The unit price is an amount such as %1.</source>
            <translation>Der Einzelpreis ist ein Betrag wie %1.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="477" />
            <source>Line saved; the total is %1.</source>
            <translation>Position gespeichert; die Summe beträgt %1.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="485" />
            <source>Further item</source>
            <translation>Weitere Position</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="492" />
            <source>Line added: type its description and price.</source>
            <translation>Position hinzugefügt: Geben Sie Beschreibung und Preis ein.</translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="509" />
            <source>Line removed.</source>
            <translation>Position entfernt.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::LockScreen</name>
        <message>
            <location filename="../ui/lockscreen.cpp" line="24" />
            <source>&amp;Unlock</source>
            <translation>&amp;Entsperren</translation>
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="25" />
            <source>S&amp;witch user</source>
            <translation>Benutzer &amp;wechseln</translation>
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="34" />
            <source>Locked — sign in to continue</source>
            <translation>Gesperrt – melden Sie sich an, um fortzufahren</translation>
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="51" />
            <source>User name:</source>
            <translation>Benutzername:</translation>
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="52" />
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="93" />
            <source>%1 (%2) is signed in at this workstation.</source>
            <translation>%1 (%2) ist an diesem Arbeitsplatz angemeldet.</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/lockscreen.cpp" line="130" />
            <source>Too many failed attempts in a row. Please wait %n seconds before trying again.</source>
            <translation>
                <numerusform>Zu viele Fehlversuche hintereinander. Bitte warten Sie %n Sekunde, bevor Sie es erneut versuchen.</numerusform>
                <numerusform>Zu viele Fehlversuche hintereinander. Bitte warten Sie %n Sekunden, bevor Sie es erneut versuchen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::MainWindow</name>
        <message>
            <location filename="../ui/mainwindow.cpp" line="42" />
            <location filename="../ui/mainwindow.cpp" line="109" />
            <location filename="../ui/mainwindow.cpp" line="146" />
            <source>Aftercare</source>
            <translation>Aftercare</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="43" />
            <source>%1 — Aftercare</source>
            <translation>%1 – Aftercare</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="47" />
            <source>Workspaces</source>
            <translation>Arbeitsbereiche</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="77" />
            <source>Signed in: %1 · %2</source>
            <translation>Angemeldet: %1 · %2</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="128" />
            <source>Hide everything until you sign in again (Ctrl+L)</source>
            <translation>Alles verbergen, bis Sie sich wieder anmelden (Strg+L)</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="165" />
            <source>Sign &amp;out</source>
            <translation>&amp;Abmelden</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="126" />
            <source>Lock</source>
            <translation>Sperren</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="129" />
            <source>Sign out</source>
            <translation>Abmelden</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="131" />
            <source>Sign out and leave the workstation to the next person (Ctrl+Shift+Q)</source>
            <translation>Abmelden und den Arbeitsplatz für die nächste Person freigeben (Strg+Umschalt+Q)</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="155" />
            <source>&amp;Find client</source>
            <translation>Klient/in &amp;suchen</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="161" />
            <source>&amp;Lock now</source>
            <translation>Jetzt &amp;sperren</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="168" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="172" />
            <source>&amp;Go to</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="261" />
            <source>Client profile</source>
            <translation>Klientenprofil</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="325" />
            <source>Locked</source>
            <translation>Gesperrt</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::MetricTile</name>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="91" />
            <source>= unchanged</source>
            <translation>= unverändert</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="72" />
            <source>Click to show the clients or appointments behind this figure.</source>
            <translation>Klicken Sie, um die Klient/innen oder Termine hinter dieser Kennzahl anzuzeigen.</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="89" />
            <source>no previous figure</source>
            <translation>kein Vorwert</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="102" />
            <source>▲ %1 · better</source>
            <translation>▲ %1 · besser</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="102" />
            <source>▲ %1 · worse</source>
            <translation>▲ %1 · schlechter</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="103" />
            <source>▼ %1 · better</source>
            <translation>▼ %1 · besser</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="103" />
            <source>▼ %1 · worse</source>
            <translation>▼ %1 · schlechter</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="118" />
            <source>Before: %1</source>
            <translation>Vorher: %1</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="119" />
            <source>n = %1</source>
            <translation>n = %1</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="121" />
            <source>· low confidence</source>
            <translation>· geringe Aussagekraft</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::NewAccountFields</name>
        <message>
            <location filename="../ui/common/newaccountfields.cpp" line="22" />
            <source>e.g. Maria Schneider</source>
            <translation>z. B. Maria Schneider</translation>
        </message>
        <message>
            <location filename="../ui/common/newaccountfields.cpp" line="34" />
            <source>&amp;User name:</source>
            <translation>Ben&amp;utzername:</translation>
        </message>
        <message>
            <location filename="../ui/common/newaccountfields.cpp" line="35" />
            <source>&amp;Full name:</source>
            <translation>&amp;Vollständiger Name:</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::NewPasswordFields</name>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="40" />
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="41" />
            <source>&amp;Repeat password:</source>
            <translation>Passwort &amp;wiederholen:</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/common/newpasswordfields.cpp" line="76" />
            <source>At least %n characters, hard to guess: not a dictionary word, a simple pattern or the user name. Several unrelated words work well.</source>
            <translation>
                <numerusform>Mindestens %n Zeichen, schwer zu erraten: kein Wörterbuchwort, kein einfaches Muster und nicht der Benutzername. Mehrere unzusammenhängende Wörter eignen sich gut.</numerusform>
                <numerusform>Mindestens %n Zeichen, schwer zu erraten: kein Wörterbuchwort, kein einfaches Muster und nicht der Benutzername. Mehrere unzusammenhängende Wörter eignen sich gut.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="86" />
            <source>Strong enough. Now type it once more.</source>
            <translation>Sicher genug. Geben Sie es jetzt noch einmal ein.</translation>
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="88" />
            <source>The two passwords are not the same yet.</source>
            <translation>Die beiden Passwörter stimmen noch nicht überein.</translation>
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="91" />
            <source>Strong enough, and both are the same.</source>
            <translation>Sicher genug, und beide stimmen überein.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::NotRebookedPage</name>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="38" />
            <source>&amp;Record recall call…</source>
            <translation>Erinnerungsanruf &amp;erfassen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="39" />
            <source>Boo&amp;k…</source>
            <translation>&amp;Buchen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="48" />
            <source>Book the selected client's next visit</source>
            <translation>Den nächsten Besuch der gewählten Klientin bzw. des gewählten Klienten buchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Last visit</source>
            <translation>Letzter Besuch</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Service</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Rebook after</source>
            <translation>Wiederbuchung nach</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="52" />
            <source>Last recall call</source>
            <translation>Letzter Erinnerungsanruf</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/notrebookedpage.cpp" line="66" />
            <source>%n weeks</source>
            <translation>
                <numerusform>%n Woche</numerusform>
                <numerusform>%n Wochen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/notrebookedpage.cpp" line="123" />
            <source>%n clients to call back</source>
            <translation>
                <numerusform>%n Person zurückzurufen</numerusform>
                <numerusform>%n Personen zurückzurufen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="144" />
            <source>Recall call</source>
            <translation>Erinnerungsanruf</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="146" />
            <source>How did the call with %1 (%2) go?</source>
            <translation>Wie ist das Gespräch mit %1 (%2) verlaufen?</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="147" />
            <source>no phone number</source>
            <translation>keine Telefonnummer</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="148" />
            <source>Booked a visit</source>
            <translation>Besuch gebucht</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="148" />
            <source>Will call back to book</source>
            <translation>Ruft zum Buchen zurück</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="148" />
            <source>No answer</source>
            <translation>Keine Antwort</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="149" />
            <source>Left a message</source>
            <translation>Nachricht hinterlassen</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="149" />
            <source>Does not want to come back</source>
            <translation>Möchte nicht wiederkommen</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="152" />
            <source>Record call</source>
            <translation>Anruf erfassen</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="170" />
            <source>%1 is booked again.</source>
            <translation>%1 ist wieder gebucht.</translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="180" />
            <source>Call with %1 recorded.</source>
            <translation>Anruf bei %1 erfasst.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::OnboardingDialog</name>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="77" />
            <source>Possibly already a client</source>
            <translation>Möglicherweise bereits Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="79" />
            <source>&amp;Create anyway: this is a different person</source>
            <translation>Trotzdem an&amp;legen: Das ist eine andere Person</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="85" />
            <source>New client</source>
            <translation>Neue Klientin bzw. neuer Klient</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="102" />
            <source>&amp;Save client</source>
            <translation>Klient/in &amp;speichern</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="103" />
            <source>Ctrl+S</source>
            <translation>Strg+S</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="187" />
            <source>Who</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="192" />
            <source>e.g. %1</source>
            <translation>z. B. %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="199" />
            <source>&amp;First name:</source>
            <translation>&amp;Vorname:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="200" />
            <source>&amp;Last name:</source>
            <translation>&amp;Nachname:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="201" />
            <source>&amp;Date of birth:</source>
            <translation>&amp;Geburtsdatum:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="202" />
            <source>Se&amp;x:</source>
            <translation>Ges&amp;chlecht:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="205" />
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="209" />
            <source>e.g. +49 171 2345678 or 0171 2345678</source>
            <translation>z. B. +49 171 2345678 oder 0171 2345678</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="219" />
            <source>&amp;E-mail:</source>
            <translation>&amp;E-Mail:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="220" />
            <source>&amp;Phone:</source>
            <translation>&amp;Telefon:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="221" />
            <source>Add&amp;ress:</source>
            <translation>&amp;Adresse:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="222" />
            <source>Contact b&amp;y:</source>
            <translation>Kontakt &amp;per:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="225" />
            <source>How they found us</source>
            <translation>Wie die Person uns gefunden hat</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="229" />
            <source>Recommended by a client</source>
            <translation>Von Klient/in empfohlen</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="230" />
            <source>Referred by a doctor</source>
            <translation>Ärztlich überwiesen</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="230" />
            <source>Web search</source>
            <translation>Internetsuche</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="230" />
            <source>Social media</source>
            <translation>Soziale Medien</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="231" />
            <source>Walked past</source>
            <translation>Vorbeigekommen</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="231" />
            <source>Health insurance</source>
            <translation>Krankenkasse</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="233" />
            <source>What they hope for from us</source>
            <translation>Was die Person sich von uns erhofft</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="234" />
            <source>Referral so&amp;urce:</source>
            <translation>Empfehlungs&amp;quelle:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="235" />
            <source>Referred by &amp;whom:</source>
            <translation>Emp&amp;fohlen von:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="236" />
            <source>Expectati&amp;ons:</source>
            <translation>Erwart&amp;ungen:</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="249" />
            <source>Consent (ticked = agreed; unticked is recorded as no)</source>
            <translation>Einwilligung (angehakt = zugestimmt; nicht angehakt wird als Nein erfasst)</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="254" />
            <source>First appointment</source>
            <translation>Erster Termin</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="312" />
            <source>Not a date; write it like %1.</source>
            <translation>Kein Datum; schreiben Sie es etwa so: %1.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="315" />
            <source>The date of birth lies in the future.</source>
            <translation>Das Geburtsdatum liegt in der Zukunft.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="349" />
            <source>The first name is needed.</source>
            <translation>Der Vorname ist erforderlich.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="353" />
            <source>The last name is needed.</source>
            <translation>Der Nachname ist erforderlich.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="361" />
            <source>Not an e-mail address (name@example.org).</source>
            <translation>Keine E-Mail-Adresse (name@example.org).</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="364" />
            <source>Not a phone number.</source>
            <translation>Keine Telefonnummer.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="368" />
            <source>E-mail is preferred: please give the address.</source>
            <translation>E-Mail ist bevorzugt: Bitte geben Sie die Adresse an.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="390" />
            <source>same name and date of birth</source>
            <translation>gleicher Name und gleiches Geburtsdatum</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="392" />
            <source>same e-mail</source>
            <translation>gleiche E-Mail</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="394" />
            <source>same phone</source>
            <translation>gleiche Telefonnummer</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/onboardingdialog.cpp" line="403" />
            <source>Possibly already a client (%n)</source>
            <translation>
                <numerusform>Möglicherweise bereits Klient/in (%n)</numerusform>
                <numerusform>Möglicherweise bereits Klient/in (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="415" />
            <source>Please correct the marked fields first.</source>
            <translation>Bitte korrigieren Sie zuerst die markierten Felder.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="416" />
            <source>This person may be a client already: open them instead, or tick "Create anyway".</source>
            <translation>Diese Person ist möglicherweise bereits Klient/in: Öffnen Sie stattdessen den vorhandenen Eintrag, oder kreuzen Sie „Trotzdem anlegen“ an.</translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="430" />
            <source>Nothing was saved: %1</source>
            <translation>Es wurde nichts gespeichert: %1</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::PeriodPicker</name>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="39" />
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="40" />
            <source>Quarter</source>
            <translation>Quartal</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="41" />
            <source>Year</source>
            <translation>Jahr</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="42" />
            <source>From – to</source>
            <translation>Von – bis</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="43" />
            <source>Period</source>
            <translation>Zeitraum</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="46" />
            <source>Previous period (Alt+Left)</source>
            <translation>Vorheriger Zeitraum (Alt+Links)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="50" />
            <source>Next period (Alt+Right)</source>
            <translation>Nächster Zeitraum (Alt+Rechts)</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="52" />
            <source>A day in the period</source>
            <translation>Ein Tag im Zeitraum</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="53" />
            <source>First day</source>
            <translation>Erster Tag</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="54" />
            <source>Last day</source>
            <translation>Letzter Tag</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="57" />
            <source>&amp;Period:</source>
            <translation>Zei&amp;traum:</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="158" />
            <source>The first day must not be after the last.</source>
            <translation>Der erste Tag darf nicht nach dem letzten liegen.</translation>
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="161" />
            <source>%1 to %2</source>
            <translation>%1 bis %2</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::PostServiceDialog</name>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="22" />
            <source>Quality follow-up</source>
            <translation>Qualitätsnachfrage</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="24" />
            <source>Feedback request</source>
            <translation>Feedback-Anfrage</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="26" />
            <source>Thank-you</source>
            <translation>Dankeschön</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="28" />
            <source>Community invitation</source>
            <translation>Einladung zu Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="30" />
            <source>Newsletter invitation</source>
            <translation>Einladung zum Newsletter</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="48" />
            <source>After each visit — %1</source>
            <translation>Nach jedem Besuch — %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="53" />
            <source>Visit</source>
            <translation>Besuch</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="56" />
            <source>Delta</source>
            <translation>Delta</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="62" />
            <source>Tick a step once it is done. Delta: steps that apply minus steps done.</source>
            <translation>Haken Sie einen Schritt ab, sobald er erledigt ist. Delta: zutreffende Schritte minus erledigte Schritte.</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="99" />
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="107" />
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="107" />
            <source>due</source>
            <translation>fällig</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="111" />
            <source>n/a (policy)</source>
            <translation>entfällt (Regel)</translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="115" />
            <source>n/a (no consent)</source>
            <translation>entfällt (keine Einwilligung)</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/postservicedialog.cpp" line="156" />
            <source>Mean delta over %n visits: %1</source>
            <translation>
                <numerusform>Mittleres Delta über %n Besuch: %1</numerusform>
                <numerusform>Mittleres Delta über %n Besuche: %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="158" />
            <source>No completed visits.</source>
            <translation>Keine abgeschlossenen Besuche.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ProfileConsents</name>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="27" />
            <source>Re&amp;cord</source>
            <translation>Erf&amp;assen</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Purpose</source>
            <translation>Zweck</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Decision</source>
            <translation>Entscheidung</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Recorded</source>
            <translation>Erfasst</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>By</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Evidence</source>
            <translation>Nachweis</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="34" />
            <source>Consent history, newest first</source>
            <translation>Einwilligungsverlauf, neueste zuerst</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="44" />
            <source>agrees</source>
            <translation>stimmt zu</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="45" />
            <source>declines</source>
            <translation>lehnt ab</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="47" />
            <source>Evidence, e.g. asked at the desk</source>
            <translation>Nachweis, z. B. am Empfang gefragt</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="74" />
            <source>agrees, %1</source>
            <translation>stimmt zu, %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="74" />
            <source>declines, %1</source>
            <translation>lehnt ab, %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="77" />
            <source>%1, withdrawn %2</source>
            <translation>%1, widerrufen am %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="104" />
            <source>Recorded: %1 %2 (%3).</source>
            <translation>Erfasst: %2 – %1 (%3).</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ProfileDetails</name>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="50" />
            <source>&amp;Save details</source>
            <translation>Angaben &amp;speichern</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="51" />
            <source>Re&amp;load</source>
            <translation>&amp;Neu laden</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="68" />
            <source>Ctrl+S</source>
            <translation>Strg+S</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="75" />
            <source>&amp;Name:</source>
            <translation>Na&amp;me:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="79" />
            <source>&amp;Born:</source>
            <translation>&amp;Geboren:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="81" />
            <source>&amp;E-mail:</source>
            <translation>&amp;E-Mail:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="83" />
            <source>&amp;Phone:</source>
            <translation>Telef&amp;on:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="85" />
            <source>Add&amp;ress:</source>
            <translation>A&amp;dresse:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="86" />
            <source>Contact b&amp;y:</source>
            <translation>Kontakt &amp;per:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="87" />
            <source>E&amp;xpects:</source>
            <translation>Er&amp;wartet:</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="165" />
            <source>First and last name are needed.</source>
            <translation>Vor- und Nachname sind erforderlich.</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="167" />
            <source>Not a date of birth; write it like %1.</source>
            <translation>Kein Geburtsdatum; schreiben Sie es etwa so: %1.</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="170" />
            <source>Not an e-mail address (name@example.org).</source>
            <translation>Keine E-Mail-Adresse (name@example.org).</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="173" />
            <source>Not a phone number.</source>
            <translation>Keine Telefonnummer.</translation>
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="200" />
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ReceptionWorkspace</name>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="48" />
            <source>Find client</source>
            <translation>Klient/in suchen</translation>
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="49" />
            <source>Schedule</source>
            <translation>Terminplan</translation>
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="50" />
            <source>Invoices</source>
            <translation>Rechnungen</translation>
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="51" />
            <source>Reminders due</source>
            <translation>Fällige Erinnerungen</translation>
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="52" />
            <source>Not rebooked</source>
            <translation>Nicht wieder gebucht</translation>
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="120" />
            <source>Client profile</source>
            <translation>Klientenprofil</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::RemindersPage</name>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="43" />
            <source>&amp;Mark done</source>
            <translation>Als &amp;erledigt markieren</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="50" />
            <source>Appointments &amp;on:</source>
            <translation>Termine a&amp;m:</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="54" />
            <source>Record the reminder as given (Ctrl+D)</source>
            <translation>Erinnerung als erfolgt erfassen (Strg+D)</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Time</source>
            <translation>Uhrzeit</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Preferred channel</source>
            <translation>Bevorzugter Weg</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Reminder consent</source>
            <translation>Einwilligung Terminerinnerung</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="59" />
            <source>Why on this list</source>
            <translation>Warum auf dieser Liste</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="67" />
            <source>Marking this reminder done asks first: only when the client asked for it themselves.</source>
            <translation>Vor dem Erledigen wird nachgefragt: nur, wenn der Klient/die Klientin selbst darum gebeten hat.</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="77" />
            <source>Prefers a call</source>
            <translation>Bevorzugt einen Anruf</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="178" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="118" />
            <source>Ctrl+D</source>
            <translation>Ctrl+D</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="167" />
            <source>Every appointment on %1 has had its reminder.</source>
            <translation>Für alle Termine am %1 ist die Erinnerung erfolgt.</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="180" />
            <source>no – declined %1</source>
            <translation>nein – verweigert am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="182" />
            <source>no – withdrawn %1</source>
            <translation>nein – widerrufen am %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="184" />
            <source>no – never asked</source>
            <translation>nein – nie gefragt</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="194" />
            <source>Appointment tomorrow at %1 with %2, %3</source>
            <translation>Termin morgen um %1 bei %2, %3</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="197" />
            <source>Appointment today at %1 with %2, %3</source>
            <translation>Termin heute um %1 bei %2, %3</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="199" />
            <source>Appointment on %1 with %2, %3</source>
            <translation>Termin am %1 bei %2, %3</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="214" />
            <source>No consent to reminders</source>
            <translation>Keine Einwilligung in Erinnerungen</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="215" />
            <source>%1 has not agreed to appointment reminders (%2).</source>
            <translation>%1 hat Terminerinnerungen nicht zugestimmt (%2).</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="219" />
            <source>Record a reminder only if the client asked for it themselves. Record it as given anyway?</source>
            <translation>Erfassen Sie eine Erinnerung nur, wenn der Klient/die Klientin selbst darum gebeten hat. Trotzdem als erfolgt erfassen?</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="221" />
            <source>&amp;Record anyway</source>
            <translation>&amp;Trotzdem erfassen</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="232" />
            <source>No reminder recorded for %1.</source>
            <translation>Für %1 wurde keine Erinnerung erfasst.</translation>
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="244" />
            <source>%1 reminded.</source>
            <translation>%1 erinnert.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ResetPasswordDialog</name>
        <message>
            <location filename="../ui/admin/resetpassworddialog.cpp" line="23" />
            <source>&amp;Set password</source>
            <translation>Passwort &amp;setzen</translation>
        </message>
        <message>
            <location filename="../ui/admin/resetpassworddialog.cpp" line="27" />
            <source>New password for %1</source>
            <translation>Neues Passwort für %1</translation>
        </message>
        <message>
            <location filename="../ui/admin/resetpassworddialog.cpp" line="33" />
            <source>Choose a new password for %1 (%2). Tell it to them in person; their old password stops working at once.</source>
            <translation>Wählen Sie ein neues Passwort für %1 (%2). Teilen Sie es persönlich mit; das alte Passwort gilt ab sofort nicht mehr.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ResultDialog</name>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="59" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="64" />
            <source>received %1</source>
            <translation>eingegangen am %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="87" />
            <source>Earlier results of this test</source>
            <translation>Frühere Befunde dieser Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="98" />
            <source>In plain words: what was measured, what it means, what happens next.</source>
            <translation>In einfachen Worten: was gemessen wurde, was es bedeutet, wie es weitergeht.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="102" />
            <source>&amp;Draft from template</source>
            <translation>Aus &amp;Vorlage entwerfen</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="105" />
            <source>Write the summary from this test's template, with the client's name and values.</source>
            <translation>Die Zusammenfassung aus der Vorlage dieser Untersuchung schreiben, mit Namen und Werten der Person.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="89" />
            <source>Laboratory report</source>
            <translation>Laborbericht</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="108" />
            <source>e.g. the laboratory corrected a value</source>
            <translation>z. B. das Labor hat einen Wert korrigiert</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="109" />
            <source>Why does it &amp;change?</source>
            <translation>Warum ändert sie &amp;sich?</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="111" />
            <source>&amp;Sign off summary</source>
            <translation>Zusammenfassung &amp;freigeben</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="113" />
            <source>C&amp;hange summary…</source>
            <translation>Zusammenfassung ä&amp;ndern…</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="115" />
            <source>The client was told this summary: a change is kept as a new version, with who changed it, when and why.</source>
            <translation>Diese Zusammenfassung wurde der Person bereits mitgeteilt: Eine Änderung wird als neue Fassung aufbewahrt, mit wer, wann und warum.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="117" />
            <source>Sign off as &amp;new version</source>
            <translation>Als neue &amp;Fassung freigeben</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="119" />
            <source>Keep the version told</source>
            <translation>Mitgeteilte Fassung behalten</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="123" />
            <source>Versions of the summary</source>
            <translation>Fassungen der Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="131" />
            <source>Summary for the client</source>
            <translation>Zusammenfassung für Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="143" />
            <source>Versions signed off</source>
            <translation>Freigegebene Fassungen</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="162" />
            <source>Mark &amp;reviewed</source>
            <translation>Als &amp;geprüft markieren</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="166" />
            <source>How the client was told</source>
            <translation>Wie es der Person mitgeteilt wurde</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="170" />
            <source>Mark co&amp;mmunicated</source>
            <translation>Als &amp;mitgeteilt markieren</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="172" />
            <source>Client's summary (&amp;PDF)…</source>
            <translation>Zusammenfassung für Klient/in (&amp;PDF)…</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="241" />
            <source>Drafted from the template. Read it, adjust it for this client, then sign it off.</source>
            <translation>Aus der Vorlage entworfen. Lesen Sie den Text, passen Sie ihn an diese Person an und geben Sie ihn dann frei.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="252" />
            <source>This summary was signed off %1. Replace it with a draft from the template? The signed-off version stays kept.</source>
            <translation>Diese Zusammenfassung wurde am %1 freigegeben. Durch einen Entwurf aus der Vorlage ersetzen? Die freigegebene Fassung bleibt aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="255" />
            <source>Replace the summary written here with a draft from the template? What is written here is lost.</source>
            <translation>Die hier geschriebene Zusammenfassung durch einen Entwurf aus der Vorlage ersetzen? Was hier steht, geht verloren.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="257" />
            <source>Replace the summary?</source>
            <translation>Zusammenfassung ersetzen?</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="260" />
            <source>Replace with the draft</source>
            <translation>Durch den Entwurf ersetzen</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="261" />
            <source>Keep the summary</source>
            <translation>Zusammenfassung behalten</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="268" />
            <source>The summary was kept as it was.</source>
            <translation>Die Zusammenfassung bleibt unverändert.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Test</source>
            <translation>Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Reference range</source>
            <translation>Referenzbereich</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="277" />
            <source>Flag</source>
            <translation>Markierung</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="325" />
            <source>Version %1 · signed off by %2, %3</source>
            <translation>Fassung %1 · freigegeben von %2, %3</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="327" />
            <source>someone</source>
            <translation>jemandem</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="330" />
            <source>current</source>
            <translation>aktuell</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="332" />
            <source>told to the client</source>
            <translation>der Person mitgeteilt</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="334" />
            <source>Why it changed: %1</source>
            <translation>Grund der Änderung: %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="339" />
            <source>Not signed off yet.</source>
            <translation>Noch nicht freigegeben.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="361" />
            <source>Summary signed off %1</source>
            <translation>Zusammenfassung freigegeben am %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="362" />
            <source>Summary not signed off</source>
            <translation>Zusammenfassung nicht freigegeben</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="364" />
            <source>reviewed %1</source>
            <translation>geprüft am %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="366" />
            <source>communicated %1 by %2</source>
            <translation>mitgeteilt am %1 (%2)</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="383" />
            <source>The client was told version %1. Write the new text and say why it changes: it is kept as version %2, and the earlier one stays readable below.</source>
            <translation>Der Person wurde Fassung %1 mitgeteilt. Schreiben Sie den neuen Text und geben Sie den Grund der Änderung an: Er wird als Fassung %2 aufbewahrt, die frühere bleibt unten lesbar.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="388" />
            <source>The client was told this summary %1; it cannot be edited. “Change summary…” keeps a change as a new version.</source>
            <translation>Diese Zusammenfassung wurde der Person am %1 mitgeteilt und lässt sich nicht bearbeiten. „Zusammenfassung ändern…“ bewahrt eine Änderung als neue Fassung auf.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="405" />
            <source>Summary signed off.</source>
            <translation>Zusammenfassung freigegeben.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="438" />
            <source>Kept as version %1. The client was told an earlier version: let them know what changed.</source>
            <translation>Als Fassung %1 aufbewahrt. Der Person wurde eine frühere Fassung mitgeteilt: Sagen Sie ihr, was sich geändert hat.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="450" />
            <source>Marked reviewed.</source>
            <translation>Als geprüft markiert.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="461" />
            <source>Marked communicated.</source>
            <translation>Als mitgeteilt markiert.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="469" />
            <source>The PDF could not be written to %1.</source>
            <translation>Das PDF konnte nicht nach %1 geschrieben werden.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="472" />
            <source>Saved %1.</source>
            <translation>%1 gespeichert.</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="479" />
            <source>Save the client's summary</source>
            <translation>Zusammenfassung für Klient/in speichern</translation>
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="479" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ResultTrendView</name>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="41" />
            <source>Earlier results of this test</source>
            <translation>Frühere Befunde dieser Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="54" />
            <source>told %1 (%2)</source>
            <translation>mitgeteilt am %1 (%2)</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="59" />
            <source>discussed in a call %1</source>
            <translation>am %1 telefonisch besprochen</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="61" />
            <source>not yet reviewed</source>
            <translation>noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="62" />
            <source>not yet told</source>
            <translation>noch nicht mitgeteilt</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="83" />
            <source>No earlier %1 result for this client.</source>
            <translation>Kein früherer Befund „%1“ für diese Person.</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/resulttrendview.cpp" line="86" />
            <source>%n earlier results of this test, the first on %1.</source>
            <translation>
                <numerusform>%n früherer Befund dieser Untersuchung, vom %1.</numerusform>
                <numerusform>%n frühere Befunde dieser Untersuchung, der erste vom %1.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="89" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="92" />
            <source>%1
(this result)</source>
            <translation>%1
(dieser Befund)</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="93" />
            <source>Trend</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="117" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="136" />
            <source>told %1</source>
            <translation>mitgeteilt %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="138" />
            <source>discussed %1</source>
            <translation>besprochen %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="145" />
            <source>Told / discussed</source>
            <translation>Mitgeteilt / besprochen</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::SchedulePage</name>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="79" />
            <source>Show &amp;cancelled</source>
            <translation>&amp;Abgesagte anzeigen</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="80" />
            <source>&amp;Week</source>
            <translation>&amp;Woche</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="82" />
            <source>&amp;Book…</source>
            <translation>&amp;Buchen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="83" />
            <source>&amp;Move…</source>
            <translation>&amp;Verschieben…</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="84" />
            <source>Check &amp;in</source>
            <translation>&amp;Einchecken</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="85" />
            <source>Com&amp;plete</source>
            <translation>Ab&amp;schließen</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="86" />
            <source>&amp;No-show</source>
            <translation>&amp;Nicht erschienen</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="87" />
            <source>Cancel &amp;appointment…</source>
            <translation>Termin absa&amp;gen…</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="135" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="106" />
            <source>Day or week (Ctrl+Shift+W, Alt+W)</source>
            <translation>Tag oder Woche (Strg+Umschalt+W, Alt+W)</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="88" />
            <source>P&amp;rint day…</source>
            <translation>Tagesliste &amp;drucken…</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="89" />
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="108" />
            <source>Whose diary to show</source>
            <translation>Wessen Terminplan angezeigt wird</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="110" />
            <source>The day's appointments per practitioner, to print or save as PDF (Ctrl+P)</source>
            <translation>Die Termine des Tages nach Behandelnden, zum Drucken oder Speichern als PDF (Strg+P)</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="112" />
            <source>Take back the last no-show, completion or move (Ctrl+Z)</source>
            <translation>Das letzte Nichterscheinen, Abschließen oder Verschieben zurücknehmen (Strg+Z)</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="130" />
            <source>Previous day or week (PgUp, Alt+Left)</source>
            <translation>Vorheriger Tag bzw. vorherige Woche (Bild auf, Alt+Links)</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="134" />
            <source>Next day or week (PgDown, Alt+Right)</source>
            <translation>Nächster Tag bzw. nächste Woche (Bild ab, Alt+Rechts)</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="136" />
            <source>Today (Home, T)</source>
            <translation>Heute (Pos1, T)</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="178" />
            <source>Ctrl+Shift+W</source>
            <translation>Ctrl+Shift+W</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="264" />
            <source>All practitioners</source>
            <translation>Alle Behandelnden</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/schedulepage.cpp" line="330" />
            <source>%n appointments outside the usual hours (%1–%2); the diary shows %3–%4.</source>
            <translation>
                <numerusform>%n Termin außerhalb der üblichen Zeiten (%1–%2); der Terminplan zeigt %3–%4.</numerusform>
                <numerusform>%n Termine außerhalb der üblichen Zeiten (%1–%2); der Terminplan zeigt %3–%4.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="403" />
            <source>%1 is no longer marked as a no-show.</source>
            <translation>%1 ist nicht mehr als nicht erschienen markiert.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="408" />
            <source>%1's visit is open again; its draft invoice is voided.</source>
            <translation>Der Besuch von %1 ist wieder offen; der Rechnungsentwurf ist storniert.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="414" />
            <source>%1 is back at %2 with %3.</source>
            <translation>%1 ist wieder am %2 bei %3.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="442" />
            <source>Print the day list</source>
            <translation>Tagesliste drucken</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="448" />
            <source>The day list of %1 is printed.</source>
            <translation>Die Tagesliste vom %1 ist gedruckt.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="460" />
            <source>Day list %1</source>
            <translation>Tagesliste %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="477" />
            <source>Booked.</source>
            <translation>Gebucht.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="493" />
            <source>Moved.</source>
            <translation>Verschoben.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="498" />
            <location filename="../ui/reception/schedulepage.cpp" line="522" />
            <source>Moved %1 to %2.</source>
            <translation>Termin von %1 auf %2 verschoben.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="536" />
            <source>Cancelled %1's appointment: %2.</source>
            <translation>Termin von %1 abgesagt: %2.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="553" />
            <source>%1 marked as a no-show.</source>
            <translation>%1 als nicht erschienen markiert.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="562" />
            <source>Checked in.</source>
            <translation>Eingecheckt.</translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="576" />
            <source>Completed; the invoice is drafted.</source>
            <translation>Abgeschlossen; die Rechnung ist als Entwurf angelegt.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ScheduleView</name>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="56" />
            <source>Schedule</source>
            <translation>Terminplan</translation>
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="69" />
            <source>Day schedule</source>
            <translation>Tagesplan</translation>
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="78" />
            <source>Week schedule</source>
            <translation>Wochenplan</translation>
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="501" />
            <source>Cancelled: %1</source>
            <translation>Abgesagt: %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="503" />
            <source>Double-booked: %1</source>
            <translation>Doppelt gebucht: %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="515" />
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="497" />
            <source>%1–%2 %3
%4 with %5 (%6)</source>
            <translation>%1–%2 %3
%4 bei %5 (%6)</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::SignInDialog</name>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="21" />
            <source>&amp;Sign in</source>
            <translation>&amp;Anmelden</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="26" />
            <source>Aftercare — Sign in</source>
            <translation>Aftercare – Anmeldung</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="27" />
            <source>%1 — Sign in</source>
            <translation>%1 – Anmeldung</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="29" />
            <source>Aftercare</source>
            <translation>Aftercare</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="31" />
            <source>Sign in with your user name and password.</source>
            <translation>Melden Sie sich mit Benutzername und Passwort an.</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="42" />
            <source>&amp;User name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="43" />
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="47" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="76" />
            <source>Please enter your user name.</source>
            <translation>Bitte geben Sie Ihren Benutzernamen ein.</translation>
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="104" />
            <source>You can try again now.</source>
            <translation>Sie können es jetzt erneut versuchen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/signin/signindialog.cpp" line="111" />
            <source>Too many failed attempts in a row. Please wait %n seconds before trying again.</source>
            <translation>
                <numerusform>Zu viele Fehlversuche hintereinander. Bitte warten Sie %n Sekunde, bevor Sie es erneut versuchen.</numerusform>
                <numerusform>Zu viele Fehlversuche hintereinander. Bitte warten Sie %n Sekunden, bevor Sie es erneut versuchen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::SummaryTemplateDialog</name>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="25" />
            <source>abnormal results</source>
            <translation>auffällige Befunde</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="26" />
            <source>normal results</source>
            <translation>unauffällige Befunde</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="35" />
            <source>Alex</source>
            <translation>Alex</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="36" />
            <source>Alex Example</source>
            <translation>Alex Muster</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="40" />
            <source>Dr. Sample</source>
            <translation>Dr. Beispiel</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="41" />
            <source>Your practice</source>
            <translation>Ihre Praxis</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="55" />
            <source>&amp;New template</source>
            <translation>&amp;Neue Vorlage</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="56" />
            <source>De&amp;lete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="61" />
            <source>&amp;Insert</source>
            <translation>&amp;Einfügen</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="65" />
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="66" />
            <source>Discard changes</source>
            <translation>Änderungen verwerfen</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="70" />
            <source>Summary templates</source>
            <translation>Vorlagen für Zusammenfassungen</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="105" />
            <source>Templates</source>
            <translation>Vorlagen</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="114" />
            <source>&amp;Test:</source>
            <translation>&amp;Untersuchung:</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="115" />
            <source>&amp;For:</source>
            <translation>&amp;Für:</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="117" />
            <source>Placeholders</source>
            <translation>Platzhalter</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="122" />
            <source>Te&amp;xt</source>
            <translation>&amp;Text</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="38" />
            <source>the test</source>
            <translation>die Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="134" />
            <source>Preview with a sample client and values of this test</source>
            <translation>Vorschau mit einer Beispielperson und Werten dieser Untersuchung</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="201" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="241" />
            <source>Last saved by %1, %2</source>
            <translation>Zuletzt gespeichert von %1, %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="242" />
            <source>someone</source>
            <translation>jemandem</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="244" />
            <source>Not changed since the practice was set up.</source>
            <translation>Seit der Einrichtung der Praxis unverändert.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="257" />
            <source>Dear {first_name},



{values}

If you have any questions, call us on {practice_phone}.

{clinician}
{practice}</source>
            <translation>Guten Tag {first_name},



{values}

Bei Fragen erreichen Sie uns unter {practice_phone}.

{clinician}
{practice}</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="261" />
            <source>A new template: name the test, write the text, save.</source>
            <translation>Neue Vorlage: Untersuchung angeben, Text schreiben, speichern.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="281" />
            <source>Not a placeholder: %1. Pick one from the list.</source>
            <translation>Kein Platzhalter: %1. Wählen Sie einen aus der Liste.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="285" />
            <source>The text is empty.</source>
            <translation>Der Text ist leer.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="287" />
            <source>Name the test this template is for.</source>
            <translation>Geben Sie die Untersuchung an, für die diese Vorlage gilt.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="322" />
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="335" />
            <source>Template saved.</source>
            <translation>Vorlage gespeichert.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="344" />
            <source>Delete template</source>
            <translation>Vorlage löschen</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="345" />
            <source>Delete the template for %1 (%2)? Summaries already written keep their text.</source>
            <translation>Die Vorlage für %1 (%2) löschen? Bereits geschriebene Zusammenfassungen behalten ihren Text.</translation>
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="370" />
            <source>Template for %1 (%2) deleted.</source>
            <translation>Vorlage für %1 (%2) gelöscht.</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::TimelineModel</name>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="15" />
            <source>In person</source>
            <translation>Persönlich</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="17" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="19" />
            <source>E-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="21" />
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="23" />
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="46" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="119" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="121" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="123" />
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="125" />
            <source>How</source>
            <translation>Wie</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="127" />
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="129" />
            <source>By</source>
            <translation>Von</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::TodayPage</name>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="54" />
            <source>Appointments today</source>
            <translation>Termine heute</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="55" />
            <source>Clients arrived</source>
            <translation>Angekommen</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="56" />
            <source>Follow-up tasks due</source>
            <translation>Nachsorgeaufgaben fällig</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="57" />
            <source>Follow-up tasks overdue</source>
            <translation>Nachsorgeaufgaben überfällig</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="61" />
            <source>Nobody else is expected today.</source>
            <translation>Heute wird niemand mehr erwartet.</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="64" />
            <source>Nobody is waiting.</source>
            <translation>Niemand wartet.</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="67" />
            <source>Nothing is due for you.</source>
            <translation>Für Sie ist nichts fällig.</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="90" />
            <source>Time</source>
            <translation>Uhrzeit</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="90" />
            <location filename="../ui/today/todaypage.cpp" line="93" />
            <location filename="../ui/today/todaypage.cpp" line="96" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="90" />
            <location filename="../ui/today/todaypage.cpp" line="93" />
            <source>With</source>
            <translation>Bei</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="93" />
            <source>Since</source>
            <translation>Seit</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="96" />
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="96" />
            <source>Why</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="174" />
            <source>Open today's schedule</source>
            <translation>Den heutigen Terminplan öffnen</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="177" />
            <source>Open the worklist of these tasks</source>
            <translation>Die Arbeitsliste dieser Aufgaben öffnen</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="178" />
            <source>Open the worklist of the overdue tasks</source>
            <translation>Die Arbeitsliste der überfälligen Aufgaben öffnen</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="181" />
            <source>Double-click or Enter: show in the schedule</source>
            <translation>Doppelklick oder Eingabetaste: im Terminplan zeigen</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="182" />
            <source>Double-click or Enter: this client's follow-ups</source>
            <translation>Doppelklick oder Eingabetaste: die Nachsorge dieser Person</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="186" />
            <source>Double-click or Enter: open the call</source>
            <translation>Doppelklick oder Eingabetaste: den Anruf öffnen</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="194" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="202" />
            <source>Today's figures could not be read: %1</source>
            <translation>Die Zahlen von heute ließen sich nicht lesen: %1</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="224" />
            <source>Today's lists could not be read: %1</source>
            <translation>Die Listen von heute ließen sich nicht lesen: %1</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="234" />
            <source>%1, booked for %2</source>
            <translation>%1, gebucht für %2</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="242" />
            <source>Late: the appointment began at %1</source>
            <translation>Verspätet: Der Termin begann um %1</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="245" />
            <source>Checked in, waiting</source>
            <translation>Eingecheckt, wartet</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="245" />
            <source>Next arrivals</source>
            <translation>Als Nächstes erwartet</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="246" />
            <source>%1 (the first %2)</source>
            <translation>%1 (die ersten %2)</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="278" />
            <source>Your follow-ups could not be read: %1</source>
            <translation>Ihre Nachsorgeaufgaben ließen sich nicht lesen: %1</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="287" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="294" />
            <source>Overdue since %1</source>
            <translation>Überfällig seit %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/today/todaypage.cpp" line="298" />
            <source>Your follow-ups due: %n</source>
            <translation>
                <numerusform>Ihre fälligen Nachsorgeaufgaben: %n</numerusform>
                <numerusform>Ihre fälligen Nachsorgeaufgaben: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::UserModel</name>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="94" />
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="94" />
            <source>Deactivated</source>
            <translation>Deaktiviert</translation>
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="110" />
            <source>User name</source>
            <translation>Benutzername</translation>
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="112" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="114" />
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="116" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::WelcomePackDialog</name>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="29" />
            <source>Welcome pack</source>
            <translation>Willkommensmappe</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="33" />
            <source>&amp;Print…</source>
            <translation>&amp;Drucken…</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="35" />
            <source>&amp;Save as PDF…</source>
            <translation>Als PDF &amp;speichern…</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="71" />
            <source>The welcome pack could not be written to %1.</source>
            <translation>Die Willkommensmappe konnte nicht nach %1 geschrieben werden.</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="74" />
            <source>Saved to %1.</source>
            <translation>Unter %1 gespeichert.</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="75" />
            <source>Saved as PDF</source>
            <translation>Als PDF gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="97" />
            <source>Save welcome pack</source>
            <translation>Willkommensmappe speichern</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="98" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="102" />
            <source>Welcome pack %1.pdf</source>
            <translation>Willkommensmappe %1.pdf</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="112" />
            <source>Welcome pack for %1</source>
            <translation>Willkommensmappe für %1</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="120" />
            <source>Sent to the printer.</source>
            <translation>An den Drucker gesendet.</translation>
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="121" />
            <source>Printed and handed over</source>
            <translation>Gedruckt und übergeben</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::WorklistModel</name>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="82" />
            <location filename="../ui/followup/worklistmodel.cpp" line="99" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="88" />
            <source>overdue</source>
            <translation>überfällig</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="92" />
            <source>nobody yet</source>
            <translation>noch niemand</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="142" />
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="144" />
            <source>Client</source>
            <translation>Klient/in</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="146" />
            <source>Why</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="148" />
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="150" />
            <source>Deadline</source>
            <translation>Frist</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="152" />
            <source>Overdue</source>
            <translation>Überfällig</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="154" />
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="156" />
            <source>Assignee</source>
            <translation>Zuständig</translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::WriteInsteadBox</name>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="14" />
            <source>Write to them</source>
            <translation>Schriftlich kontaktieren</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="18" />
            <source>&amp;Call instead…</source>
            <translation>Stattdessen &amp;anrufen…</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="18" />
            <source>&amp;Reached another way…</source>
            <translation>Anders &amp;erreicht…</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="24" />
            <source>%1 could not be reached by phone: write to them.</source>
            <translation>%1 war telefonisch nicht zu erreichen: Schreiben Sie der Person.</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="25" />
            <source>There is no phone number for %1: write to them instead.</source>
            <translation>Für %1 ist keine Telefonnummer hinterlegt: Schreiben Sie der Person stattdessen.</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="34" />
            <source>Email to %1</source>
            <translation>E-Mail an %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="36" />
            <source>Letter (no postal address on file)</source>
            <translation>Brief (keine Postanschrift hinterlegt)</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="37" />
            <source>Letter to %1</source>
            <translation>Brief an %1</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="42" />
            <source>What did you offer them? (required)</source>
            <translation>Was haben Sie angeboten? (erforderlich)</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="43" />
            <source>What was sent (optional)</source>
            <translation>Was wurde verschickt? (optional)</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="45" />
            <source>&amp;Send by:</source>
            <translation>Senden &amp;per:</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="46" />
            <source>&amp;Note:</source>
            <translation>&amp;Notiz:</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="48" />
            <source>&amp;Mark as sent</source>
            <translation>Als &amp;versendet markieren</translation>
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="51" />
            <source>Log a call: they called in, or a number was found.</source>
            <translation>Einen Anruf erfassen: Die Person hat angerufen, oder eine Nummer wurde gefunden.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <location filename="../app/main.cpp" line="88" />
            <source>Unknown command "%1"; see aftercare --help.</source>
            <translation>Unbekannter Befehl „%1“; siehe aftercare --help.</translation>
        </message>
    </context>
</TS>
