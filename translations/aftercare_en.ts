<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AppointmentImport</name>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="114" />
            <source>duration_minutes: %1 is not a length of time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="117" />
            <source>end: %1 is not after the start %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="119" />
            <source>end and duration_minutes disagree: from %1 to %2 is not %3 minutes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="129" />
            <source>Neither end nor duration_minutes is given, and the service "%1" is new, so the length of the appointment is unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="135" />
            <source>cancelled_at: given, but the status is %1, not cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="156" />
            <source>external_id: "%1" appears already on line %2 with different values; a file holds each appointment once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/appointmentimport.cpp" line="171" />
            <source>The booking overlaps the active appointment %1 (%2 to %3) of the same practitioner; only history (completed, cancelled, no_show) may overlap.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AppointmentRepository</name>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="87" />
            <source>%1 already has an appointment on %2 from %3 to %4: %5, %6.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="155" />
            <source>An appointment needs a client, a practitioner and a service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="157" />
            <source>An appointment needs a start time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="166" />
            <source>There is no service with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="171" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="328" />
            <source>An appointment must end after it starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="174" />
            <source>A price cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="183" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="338" />
            <source>There is no practitioner with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="186" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="340" />
            <source>This practitioner no longer takes appointments.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="222" />
            <source>An appointment with the id %1 exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="227" />
            <source>The database did not return the new appointment's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="238" />
            <source>There is no appointment with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="250" />
            <source>There is no appointment with the id %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="265" />
            <location filename="../core/repositories/appointmentrepository.cpp" line="286" />
            <source>appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="326" />
            <source>A new time needs a start, an end and a practitioner.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="355" />
            <source>Only a booked, confirmed or checked-in appointment can be moved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="373" />
            <source>Only a booked appointment can be confirmed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="390" />
            <source>Only a booked or confirmed appointment can be checked in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="409" />
            <source>Only a booked, confirmed or checked-in appointment can be completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="430" />
            <source>Only a booked, confirmed or checked-in appointment can be cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="447" />
            <source>Only a booked or confirmed appointment can be marked as a no-show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="464" />
            <source>An appointment taken back becomes booked, confirmed or checked in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="479" />
            <source>Only a no-show or a completed visit can be taken back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="489" />
            <source>Only a booked or confirmed appointment needs a reminder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="426" />
            <source>Please give a reason for the cancellation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/appointmentrepository.cpp" line="513" />
            <source>The period's first day must not lie after its last day.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackupCommand</name>
        <message>
            <location filename="../app/backupcommand.cpp" line="33" />
            <source>%1: name exactly one FILE.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="52" />
            <source>Backed up %1 to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="90" />
            <source>Restored %2 into the new practice file %1 (schema version %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="91" />
            <source>Restored %1 from %2 (schema version %3).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BookingDesk</name>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="49" />
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="50" />
            <source>Double-booked: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="74" />
            <source>Moved from %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="85" />
            <source>Please give a reason for the cancellation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="101" />
            <source>Did not come</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="112" />
            <source>Taken back: marked as a no-show by mistake</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="122" />
            <source>Checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="132" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/bookingdesk.cpp" line="138" />
            <source>Completion taken back: recorded by mistake</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallService</name>
        <message>
            <location filename="../core/desk/callservice.cpp" line="265" />
            <source>An answer can only be taken from a client reached.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="270" />
            <source>The client was not reached: say why the task is closed all the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="273" />
            <location filename="../core/desk/callservice.cpp" line="474" />
            <location filename="../core/desk/callservice.cpp" line="514" />
            <source>Say how the client's concern was resolved before closing the case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="277" />
            <source>An appointment is booked with a client reached.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="279" />
            <source>Choose the appointment to book.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="281" />
            <source>The appointment is for another client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="285" />
            <source>Say whom to hand the task to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="289" />
            <location filename="../core/desk/callservice.cpp" line="456" />
            <source>This task is a letter already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="308" />
            <source>Hand the task over to a clinician of the practice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="367" />
            <source>Booked an appointment in the call.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../core/desk/callservice.cpp" line="444" />
            <source>Not reached by phone (%n unanswered calls); a letter follows.</source>
            <translation>
                <numerusform>Not reached by phone (%n unanswered call); a letter follows.</numerusform>
                <numerusform>Not reached by phone (%n unanswered calls); a letter follows.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="471" />
            <source>Write to the client by email or by letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="481" />
            <source>There is no email address for this client: write a letter instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="485" />
            <source>Written to by email.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/callservice.cpp" line="486" />
            <source>Written to by letter.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClientImport</name>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="170" />
            <source>date_of_birth: %1 lies in the future.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="176" />
            <source>email: "%1" is not an e-mail address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="182" />
            <source>phone: "%1" is not a telephone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="188" />
            <source>referred_by: a client cannot have referred themselves.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="194" />
            <source>preferred_channel: e-mail is preferred, but the row has no e-mail address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="205" />
            <source>external_id: "%1" appears already on line %2 with different values; a file holds each client once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="233" />
            <source>referred_by: there is no client with the external_id "%1" in the database or in this file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/clientimport.cpp" line="237" />
            <source>referred_by: the client "%1" on line %2 was not imported.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClientRecordExport</name>
        <message>
            <location filename="../core/exporting/clientrecordexport.cpp" line="197" />
            <source>There is no client with the number %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClientRepository</name>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="58" />
            <source>A client needs a first and a last name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="60" />
            <source>The date of birth lies in the future.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="62" />
            <source>A client cannot have referred themselves.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="65" />
            <source>E-mail is the preferred channel, but there is no e-mail address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="106" />
            <source>A client with the id %1 exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="111" />
            <source>The database did not return the new client's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="123" />
            <source>There is no client with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="135" />
            <source>There is no client with the id %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="166" />
            <source>client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="190" />
            <source>A consent must belong to a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="203" />
            <source>The database did not return the new consent's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/clientrepository.cpp" line="218" />
            <source>This consent was already withdrawn or does not exist.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClientSearch</name>
        <message>
            <location filename="../core/search/clientsearch.cpp" line="172" />
            <location filename="../core/search/clientsearch.cpp" line="179" />
            <source>The client search failed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommandLineParser</name>
        <message>
            <location filename="../app/commandline.cpp" line="19" />
            <source>%1 needs a value.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/commandline.cpp" line="41" />
            <source>Unknown option %1.</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommandSupport</name>
        <message>
            <location filename="../app/commandsupport.cpp" line="30" />
            <source>Warning: other users of this computer can read the practice's health data in %1; to keep it to yourself: chmod 600 %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/commandsupport.cpp" line="49" />
            <source>Upgraded the database from schema version %1 to %2; the previous file was kept as %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/commandsupport.cpp" line="63" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CompactCommand</name>
        <message>
            <location filename="../app/compactcommand.cpp" line="29" />
            <source>compact: unexpected argument %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/compactcommand.cpp" line="47" />
            <source>Compacted %1 in %2 s: %3 MiB before, %4 MiB after.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/compactcommand.cpp" line="54" />
            <source>Vacuumed and analysed %1 in %2 s.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvImporter</name>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="90" />
            <source>Cannot open %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="100" />
            <source>Cannot open the file to import: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="106" />
            <source>Line %1 is not UTF-8 text; nothing was imported. Save the file as "CSV UTF-8" and import it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="208" />
            <source>The file is empty: it has no header row; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvimporter.cpp" line="225" />
            <source>The row has %1 fields, but the header row has %2 (is a comma inside a value not enclosed in quotes?).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvReader</name>
        <message>
            <location filename="../core/importing/csvreader.cpp" line="47" />
            <source>Line %1, field %2: a quote inside a field that does not start with a quote. Enclose the whole field in quotes and double the quotes inside it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvreader.cpp" line="69" />
            <source>Line %1, field %2: text after the closing quote. A quote inside a quoted field must be doubled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvreader.cpp" line="94" />
            <source>Line %1, field %2: the quoted field is never closed (a quote is missing), so the rest of the file was read as part of it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvTable</name>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="8" />
            <source>The header row cannot be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="17" />
            <source>The column "%1" appears twice in the header row, so it is unclear which one to read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="28" />
            <source>The required column "%1" is missing from the header row; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/csvtable.cpp" line="32" />
            <source>The required columns %1 are missing from the header row; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <location filename="../core/database/database.cpp" line="67" />
            <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="68" />
            <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="78" />
            <source>There is no practice file %1 (check the path).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="96" />
            <source>Cannot open the database %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="125" />
            <source>The database could not prepare a statement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="136" />
            <source>The database refused a statement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="171" />
            <source>The SQLite connection has no native handle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="176" />
            <location filename="../core/database/database.cpp" line="187" />
            <source>The database refused the schema change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="214" />
            <source>An in-memory database cannot be opened a second time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="233" />
            <source>The database could not start a transaction.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="248" />
            <location filename="../core/database/database.cpp" line="263" />
            <source>The time overlaps another active appointment of the same practitioner.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="251" />
            <location filename="../core/database/database.cpp" line="266" />
            <source>A record with the same key exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="254" />
            <location filename="../core/database/database.cpp" line="270" />
            <source>The database refused values that break its rules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="256" />
            <source>The database server cannot be reached: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="305" />
            <source>The transaction was already closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/database.cpp" line="309" />
            <source>The database could not save the changes.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DatabaseBackup</name>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="61" />
            <location filename="../core/database/databasebackup.cpp" line="93" />
            <source>Cannot move the finished backup to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/backupcommand.cpp" line="63" />
            <location filename="../core/database/databasebackup.cpp" line="68" />
            <source>There is no backup file %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="88" />
            <source>Cannot write the backup to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="101" />
            <source>The SQLite connection has no native handle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="109" />
            <source>%1 is not a readable Aftercare backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="123" />
            <source>%1 is not an Aftercare backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="129" />
            <source>The backup %1 was written by a newer Aftercare (schema version %2; this one knows up to %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="140" />
            <location filename="../core/database/databasebackup.cpp" line="151" />
            <source>The database could not be restored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="161" />
            <source>%1 is not installed (package postgresql-client).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databasebackup.cpp" line="178" />
            <source>%1 failed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DatabaseCompaction</name>
        <message>
            <location filename="../core/maintenance/databasecompaction.cpp" line="79" />
            <source>The database holds no practice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/maintenance/databasecompaction.cpp" line="98" />
            <source>The database could not be compacted; it is unchanged.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DatabaseUrl</name>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="14" />
            <source>The database location is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="20" />
            <source>"%1" is not a PostgreSQL address of the form postgresql://user:password@host:port/dbname.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="32" />
            <source>The PostgreSQL address names no database: add /dbname after the host.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="42" />
            <source>The SQLite address names no file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/databaseurl.cpp" line="45" />
            <source>"%1" is neither a file path nor a postgresql:// address.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DayListDocument</name>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="25" />
            <source>Day list, %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/daylistdocument.cpp" line="43" />
            <source>%1 (%n appointments)</source>
            <translation>
                <numerusform>%1 (%n appointment)</numerusform>
                <numerusform>%1 (%n appointments)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="48" />
            <source>Nothing booked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="55" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="55" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="56" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="56" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="57" />
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/daylistdocument.cpp" line="70" />
            <source>%n cancelled appointments not listed.</source>
            <translation>
                <numerusform>%n cancelled appointment not listed.</numerusform>
                <numerusform>%n cancelled appointments not listed.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/daylistdocument.cpp" line="73" />
            <source>Printed %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DemoBatchExecutor</name>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="104" />
            <source>The demo practice could not be written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="123" />
            <source>The SQLite connection has no native handle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="128" />
            <source>The database could not prepare a statement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demobatchexecutor.cpp" line="185" />
            <source>The database refused a statement.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DemoBatchInsert</name>
        <message>
            <location filename="../core/demo/demobatchinsert.cpp" line="19" />
            <source>The demo practice could not be written.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DemoCommand</name>
        <message>
            <location filename="../app/democommand.cpp" line="23" />
            <source>Number of clients.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="25" />
            <source>Years of history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="27" />
            <source>Random seed (default 1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="30" />
            <source>Last day of the history (default: today).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="37" />
            <source>demo: unexpected argument %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="45" />
            <source>demo: --clients N and --years Y are required.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="50" />
            <source>demo: --clients takes a whole number from 1 to 1000000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="55" />
            <source>demo: --years takes a whole number from 1 to 30.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="60" />
            <source>demo: --seed takes a non-negative whole number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="66" />
            <source>demo: --today takes a date as YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="86" />
            <source>[%1%] %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="94" />
            <source>The practice is written, but its file could not be compacted: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/democommand.cpp" line="98" />
            <source>Demo practice written to %1 in %2 s: %3 clients, %4 appointments (%5 completed, %6 no-shows, %7 cancelled, %8 booked ahead), %9 results, %10 follow-up tasks, %11 feedback responses, %12 invoices, %13 touchpoints.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DemoPractice</name>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="93" />
            <source>Writing the clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="94" />
            <source>Writing the consents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="95" />
            <source>Writing the appointments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="96" />
            <location filename="../core/demo/demopractice.cpp" line="97" />
            <source>Writing the test results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="98" />
            <source>Writing the feedback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="99" />
            <location filename="../core/demo/demopractice.cpp" line="100" />
            <location filename="../core/demo/demopractice.cpp" line="101" />
            <source>Writing the invoices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="102" />
            <source>Writing the touchpoints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="103" />
            <source>Writing the post-service steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="108" />
            <source>Writing the demo practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="119" />
            <source>The number of demo clients must be between 1 and 1 000 000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="121" />
            <source>The demo history must span between 1 and 30 years.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="124" />
            <source>The demo practice needs a valid date to end its history on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="126" />
            <source>Checking the database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="131" />
            <source>The database already holds clients. The demo practice is only written into an empty database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="166" />
            <source>Simulating the visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="140" />
            <source>The database already holds practitioners, service types or appointments. The demo practice is only written into an empty database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="153" />
            <source>Setting up the demo accounts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="170" />
            <source>Following up visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="216" />
            <source>The database did not return the new user's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="317" />
            <source>Writing the demo practice was stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="358" />
            <source>Planning the follow-up work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="401" />
            <source>Compacting the database file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/demo/demopractice.cpp" line="405" />
            <source>The demo practice is ready</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DisplayFormat</name>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="106" />
            <source>d MMM yyyy</source>
            <extracomment>A date in a heading: day, short month name, year (QLocale date format)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="110" />
            <source>d</source>
            <extracomment>The first day of a span that ends in the same month (QLocale date format)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="115" />
            <source>d MMM</source>
            <extracomment>The first day of a span that ends in the same year (QLocale date format)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="118" />
            <source>%1–%2</source>
            <extracomment>A span of days: %1 its first day, %2 its last; a thin span for days of one month</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/displayformat.cpp" line="119" />
            <source>%1 – %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportCommand</name>
        <message>
            <location filename="../app/exportcommand.cpp" line="25" />
            <source>The JSON file to write.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="33" />
            <source>export: name what to export: client EXTERNAL_ID --out FILE.json.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="38" />
            <source>export: --out FILE.json is required.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="53" />
            <source>export: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="58" />
            <source>export: cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/exportcommand.cpp" line="66" />
            <source>Exported the record of client %1 to %2.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FeedbackImport</name>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="92" />
            <source>score: %1 is outside the %2 scale %3 to %4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="101" />
            <source>appointment: there is no appointment with the external_id "%1" (import appointments.csv first).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="105" />
            <source>appointment: the appointment "%1" belongs to another client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/feedbackimport.cpp" line="123" />
            <source>The answer of client "%1" (%2, %3) appears already on line %4 with different values.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FeedbackRepository</name>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="32" />
            <source>Feedback must come from a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="34" />
            <source>Feedback needs the time of the answer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="46" />
            <source>This client's answer of %1 is recorded already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="52" />
            <source>The database did not return the new answer's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="71" />
            <source>The database holds a score off its scale (answer %1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="94" />
            <source>There is no answer with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/feedbackrepository.cpp" line="109" />
            <source>The period's first day must not lie after its last day.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FollowUpPlanner</name>
        <message>
            <location filename="../core/aftercare/followupplanner.cpp" line="348" />
            <source>Closed: the result was recorded as communicated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/followupplanner.cpp" line="378" />
            <source>Closed: the client booked again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/followupplanner.cpp" line="572" />
            <source>There is no appointment with the number %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FollowUpTaskRepository</name>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="62" />
            <source>A task must concern a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="64" />
            <source>A task needs a source key saying why it exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="66" />
            <source>A task needs a due time and a deadline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="69" />
            <source>A task's priority lies between %1 and %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="110" />
            <source>The task for %1 was neither created nor found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="129" />
            <location filename="../core/repositories/followuptaskrepository.cpp" line="195" />
            <source>There is no task with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="140" />
            <source>There is no task for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="197" />
            <location filename="../core/repositories/followuptaskrepository.cpp" line="215" />
            <source>task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="199" />
            <source>This task is closed already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="250" />
            <source>Say when to call again: a time after this call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="267" />
            <source>The database did not return the new call's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="330" />
            <source>Say whom to hand the task to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="366" />
            <source>Please say why the task is cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/followuptaskrepository.cpp" line="404" />
            <source>A call was logged on this visit's follow-up meanwhile; its completion stays.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportCommand</name>
        <message>
            <location filename="../app/importcommand.cpp" line="26" />
            <source>Check the file and report what would change, writing nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="33" />
            <source>import: name the kind (clients, appointments, feedback, results or invoices) and the CSV file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="41" />
            <source>import: "%1" is not one of clients, appointments, feedback, results, invoices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="60" />
            <source>[%1%] %2 rows read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="70" />
            <source>%1:%2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="73" />
            <source>New practitioner: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="75" />
            <source>New service: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../app/importcommand.cpp" line="77" />
            <source>%n follow-up task(s) planned.</source>
            <translation>
                <numerusform>%n follow-up task planned.</numerusform>
                <numerusform>%n follow-up tasks planned.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="79" />
            <source>Dry run, nothing written: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/importcommand.cpp" line="80" />
            <source>%1 rows in %2 s: %3 created, %4 updated, %5 unchanged, %6 rejected.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportContext</name>
        <message>
            <location filename="../core/importing/importcontext.cpp" line="64" />
            <location filename="../core/importing/importcontext.cpp" line="174" />
            <location filename="../core/importing/importcontext.cpp" line="195" />
            <source>The database did not return the id of a new row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importcontext.cpp" line="94" />
            <source>client: there is no client with the external_id "%1" (import clients.csv first).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportRow</name>
        <message>
            <location filename="../core/importing/importrow.cpp" line="28" />
            <source>The required field %1 is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="34" />
            <source>%1: "%2" is not %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="41" />
            <source>%1: "%2" is not one of %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="51" />
            <source>a date written YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="63" />
            <source>a time written YYYY-MM-DDTHH:MM[:SS] (optionally with an offset such as +01:00 or Z) or a date YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="75" />
            <source>yes or no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="86" />
            <source>one of female|male|other|unknown or F|M|X|U</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="98" />
            <source>an amount written with a dot and at most two decimals, such as 85.50</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="109" />
            <source>a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/importrow.cpp" line="120" />
            <source>a number written with a dot, such as 4.7</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InvoiceDesk</name>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="131" />
            <source>There is no invoice with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="191" />
            <source>Invoice %1 is not issued; only an issued or paid invoice is printed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="253" />
            <source>Invoice %1 issued: %2, due %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/invoicedesk.cpp" line="276" />
            <source>Invoice %1: paid %2; %3 open</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InvoiceImport</name>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="112" />
            <source>appointment: there is no appointment with the external_id "%1" (import appointments.csv first).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="116" />
            <source>appointment: the appointment "%1" belongs to another client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="120" />
            <source>due_at: %1 lies before issued_at %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="139" />
            <source>external_id: "%1" appears already on line %2 with different values; a file holds each invoice once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="171" />
            <source>The invoice "%1" is paid or void already; an import does not change it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/invoiceimport.cpp" line="184" />
            <source>Services</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InvoicePdf</name>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="37" />
            <source>Receipt %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="38" />
            <source>Invoice %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="51" />
            <source>Phone %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="53" />
            <source>E-mail %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="67" />
            <source>Invoice number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="68" />
            <source>Client number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="69" />
            <source>Date of issue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="71" />
            <source>Due by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="76" />
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="76" />
            <source>Qty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="77" />
            <source>Unit price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="77" />
            <location filename="../ui/reception/invoicepdf.cpp" line="93" />
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="85" />
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="89" />
            <source>Payments received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="92" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="92" />
            <source>Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="100" />
            <source>Paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="108" />
            <source>Paid in full on %1. Thank you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="111" />
            <source>Still to pay: %1, by %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepdf.cpp" line="115" />
            <source>Please give the invoice number %1 with your payment.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InvoiceRepository</name>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="61" />
            <source>a draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="63" />
            <source>issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="65" />
            <source>paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="67" />
            <source>void</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="75" />
            <source>An invoice line needs a description.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="77" />
            <source>An invoice line's quantity is at least 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="79" />
            <source>A price cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="96" />
            <source>The database did not return the new line's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="109" />
            <source>An invoice must be addressed to a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="125" />
            <source>An invoice with the id %1 exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="130" />
            <source>The database did not return the new invoice's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="160" />
            <source>There is no appointment with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="162" />
            <source>Only a completed appointment is invoiced.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="171" />
            <source>This appointment is invoiced already (invoice %1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="179" />
            <source>%1 on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="240" />
            <location filename="../core/repositories/invoicerepository.cpp" line="264" />
            <location filename="../core/repositories/invoicerepository.cpp" line="434" />
            <source>There is no invoice with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="246" />
            <source>There is no invoice with the id %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="266" />
            <location filename="../core/repositories/invoicerepository.cpp" line="288" />
            <source>invoice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="303" />
            <location filename="../core/repositories/invoicerepository.cpp" line="324" />
            <location filename="../core/repositories/invoicerepository.cpp" line="349" />
            <source>This invoice is %1; only a draft's lines can change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="333" />
            <location filename="../core/repositories/invoicerepository.cpp" line="361" />
            <source>This line is not on the invoice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="388" />
            <source>An invoice cannot fall due before it is issued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="390" />
            <source>This invoice is %1; only a draft can be issued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="399" />
            <source>An invoice without lines cannot be issued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="421" />
            <source>A payment must be more than nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="423" />
            <source>This invoice is %1; payments are taken on issued invoices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="439" />
            <source>The payment is more than the %1 still open on this invoice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="454" />
            <source>The database did not return the new payment's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="471" />
            <source>Please give a reason for voiding the invoice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="477" />
            <source>This invoice is %1; only a draft or an unpaid invoice can be voided.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="487" />
            <source>Payments were recorded on this invoice; it cannot be voided.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/invoicerepository.cpp" line="533" />
            <source>The invoice of this visit was issued meanwhile; its completion stays. Void the invoice on the invoice page first.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JourneyStageUpdater</name>
        <message>
            <location filename="../core/aftercare/journeystageupdater.cpp" line="36" />
            <source>There is no client with the number %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MetricDrilldown</name>
        <message>
            <location filename="../core/metrics/metricdrilldown.cpp" line="103" />
            <source>The report period is not valid: its first day must not be after its last.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/metrics/metricdrilldown.cpp" line="255" />
            <source>%1, %2</source>
            <comment>last name, first name</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MetricsEngine</name>
        <message>
            <location filename="../core/metrics/metricsengine.cpp" line="119" />
            <source>The practice setting %1 must be a number of days from 1 to %2, not "%3".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/metrics/metricsengine.cpp" line="162" />
            <source>The report period is not valid: its first day must not be after its last.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/metrics/metricsengine.cpp" line="313" />
            <location filename="../core/metrics/metricsengine.cpp" line="317" />
            <source>The report periods must be valid, consecutive calendar months.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Migrator</name>
        <message>
            <location filename="../core/database/migrator.cpp" line="91" />
            <source>Cannot copy the database to %1 before upgrading it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/migrator.cpp" line="107" />
            <source>The database has schema version %1, but this Aftercare knows only up to %2. Install the newer Aftercare that wrote it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/migrator.cpp" line="136" />
            <source>Upgrading the database to schema version %1 (%2) failed; it stays at version %3.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NotRebooked</name>
        <message>
            <location filename="../core/desk/notrebooked.cpp" line="72" />
            <source>Please say how the call went.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OnboardingService</name>
        <message>
            <location filename="../core/reception/onboardingservice.cpp" line="102" />
            <source>Registered as a new client</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ParallelReader</name>
        <message>
            <location filename="../core/database/parallelreader.cpp" line="27" />
            <source>The database could not start a consistent read for the report.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/parallelreader.cpp" line="62" />
            <source>The database exported no snapshot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/parallelreader.cpp" line="89" />
            <source>The database exported no usable snapshot.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PasswordHasher</name>
        <message>
            <location filename="../core/auth/passwordhasher.cpp" line="23" />
            <source>The cryptography library could not be initialised.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordhasher.cpp" line="32" />
            <source>Not enough memory to hash the password.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PasswordStrength</name>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="117" />
            <source>Strong enough.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="119" />
            <source>Type a password.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../core/auth/passwordstrength.cpp" line="121" />
            <source>Too short: a password needs at least %n characters.</source>
            <translation>
                <numerusform>Too short: a password needs at least %n character.</numerusform>
                <numerusform>Too short: a password needs at least %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="123" />
            <source>Too easy to guess: it is based on a dictionary word. Add unrelated words, digits or signs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="126" />
            <source>Too easy to guess: it follows a simple pattern (like abcd1234).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="128" />
            <source>Too easy to guess: it has too few different characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="130" />
            <source>Too easy to guess: the same character comes more than three times in a row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="132" />
            <source>Too easy to guess: it contains a run like abcde or 12345.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="134" />
            <source>Too easy to guess: it reads the same backwards.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="136" />
            <source>Too easy to guess: it contains the user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/passwordstrength.cpp" line="138" />
            <source>The password cannot be checked: the password dictionary is missing (Debian packages libpwquality1 and cracklib-runtime).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PeriodParser</name>
        <message>
            <location filename="../core/report/periodparser.cpp" line="18" />
            <source>"%1" is not a date of the form YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="31" />
            <source>"%1" is not a month of the form YYYY-MM.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="45" />
            <source>The period starts on %1, after its last day %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="56" />
            <source>Give either --month or --from and --to, not both.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="61" />
            <source>Give the report period: --month YYYY-MM, or --from and --to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/periodparser.cpp" line="63" />
            <source>--from and --to go together: give both days.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Permissions</name>
        <message>
            <location filename="../core/auth/permissions.cpp" line="28" />
            <source>Only clinicians may read clinical content.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="30" />
            <source>Only clinicians may record clinical content.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="32" />
            <source>Only managers and administrators may see the reports.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="34" />
            <source>Only administrators may manage users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="36" />
            <source>Only administrators may change the practice settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/auth/permissions.cpp" line="40" />
            <source>This action is not allowed for your role.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PostServiceDelta</name>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="149" />
            <source>The client has not agreed to be asked for feedback.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="151" />
            <source>The client has not agreed to community invitations.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="153" />
            <source>The client has not agreed to receive the newsletter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="157" />
            <source>The client has not given the consent this step needs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="167" />
            <source>There is no completed visit with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/postservicedelta.cpp" line="204" />
            <source>This step is not part of the after-care of %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PostServiceStepRepository</name>
        <message>
            <location filename="../core/repositories/postservicesteprepository.cpp" line="33" />
            <source>There is no appointment with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/postservicesteprepository.cpp" line="36" />
            <source>After-care steps follow a completed visit; this appointment is not completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/postservicesteprepository.cpp" line="56" />
            <source>This step was not marked as done.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PracticeOpener</name>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="45" />
            <location filename="../ui/signin/practiceopener.cpp" line="87" />
            <location filename="../ui/signin/practiceopener.cpp" line="110" />
            <source>Aftercare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="49" />
            <source>Welcome to Aftercare. No practice has been set up on this computer yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="51" />
            <source>A new practice will be kept in this file, readable only by you:
%1

To work on an existing practice instead, start Aftercare with --database and the practice's file or server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="57" />
            <source>There is no practice file at
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="59" />
            <source>Check the path for a typing error, or whether the drive or share holding the practice is connected. Create a new, empty practice there only if you mean to start a new practice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="63" />
            <source>&amp;Create a new practice here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="65" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="89" />
            <source>Other users of this computer can read the practice's health data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="91" />
            <source>Other accounts on this computer may read these files, not only you:
%1

Make them private unless several accounts on this computer are meant to share the practice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="95" />
            <source>&amp;Make them private</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/practiceopener.cpp" line="97" />
            <source>&amp;Leave them as they are</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PracticeSettingsRepository</name>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="31" />
            <source>A setting needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="37" />
            <source>The lapse window is a number of days between 1 and 3660.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="43" />
            <source>The payment term is a number of days between 0 and 365.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="47" />
            <source>%1 is not a time zone this computer knows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="50" />
            <source>%1 is not an e-mail address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practicesettingsrepository.cpp" line="53" />
            <source>%1 is not a telephone number.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PractitionerRepository</name>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="30" />
            <source>A practitioner needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="57" />
            <location filename="../core/repositories/practitionerrepository.cpp" line="81" />
            <source>There is a practitioner called %1 already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="62" />
            <source>The database did not return the new practitioner's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="87" />
            <source>practitioner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="102" />
            <source>There is no practitioner with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/practitionerrepository.cpp" line="114" />
            <source>There is no practitioner called %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrivateFiles</name>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="45" />
            <source>Cannot create the folder %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="51" />
            <source>%1 is not a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="63" />
            <source>Cannot create the file %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/database/privatefiles.cpp" line="68" />
            <location filename="../core/database/privatefiles.cpp" line="78" />
            <source>Cannot make the file %1 private to its owner.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <location filename="../app/main.cpp" line="105" />
            <source>Aftercare</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RemindersDue</name>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="56" />
            <source>Please choose a day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="111" />
            <source>%1 has not agreed to appointment reminders; the reminder was not recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="120" />
            <source>Reminded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/desk/remindersdue.cpp" line="122" />
            <source>Without consent to reminders; the desk confirmed that the client asked for it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportBuilder</name>
        <message>
            <location filename="../core/report/reportbuilder.cpp" line="44" />
            <source>There is no practitioner with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/reportbuilder.cpp" line="45" />
            <source>There is no service type with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/reportbuilder.cpp" line="61" />
            <source>The report period is not valid: its first day must not be after its last.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportCommand</name>
        <message>
            <location filename="../app/reportcommand.cpp" line="30" />
            <source>A calendar month.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="32" />
            <source>First day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="34" />
            <source>Last day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="36" />
            <source>json, csv or pdf.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="38" />
            <source>The file to write.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="41" />
            <source>Only this practitioner's appointments.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="44" />
            <source>Only appointments of this service type.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="47" />
            <source>Only clients with this referral source.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="55" />
            <source>report: unexpected argument %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="60" />
            <source>report: give either --month YYYY-MM or --from D --to D.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="65" />
            <location filename="../app/reportcommand.cpp" line="84" />
            <location filename="../app/reportcommand.cpp" line="90" />
            <location filename="../app/reportcommand.cpp" line="117" />
            <source>report: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="71" />
            <source>report: --format takes json, csv or pdf.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="75" />
            <source>report: --out FILE is required.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/reportcommand.cpp" line="126" />
            <source>report: cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportFilterParser</name>
        <message>
            <location filename="../core/report/reportfilterparser.cpp" line="36" />
            <source>There is no practitioner named or numbered "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/reportfilterparser.cpp" line="37" />
            <source>There is no service type named or numbered "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/report/reportfilterparser.cpp" line="68" />
            <source>No client has the referral source "%1".</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="52" />
            <source>Discuss result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="54" />
            <source>Communicate result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="56" />
            <source>Check-in call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="58" />
            <source>Detractor call-back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="60" />
            <source>Rebook reminder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="62" />
            <source>Annual review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="64" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="73" />
            <source>Quality follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="75" />
            <source>Feedback request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="77" />
            <source>Thank-you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="79" />
            <source>Community invitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="81" />
            <source>Newsletter invitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="101" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="117" />
            <source>The PDF could not be written to %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="105" />
            <source>Monthly report %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="183" />
            <source>%1 · report %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="248" />
            <source>SLA adherence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="276" />
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="279" />
            <source>%1 compared with %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="284" />
            <source>%1; no earlier period to compare with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="305" />
            <source>%1 points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="337" />
            <source>better</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="341" />
            <source>worse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="344" />
            <source>unchanged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="348" />
            <source>no comparison</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <source>This period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <source>Before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="354" />
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="355" />
            <source>Good or bad</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="357" />
            <source>A rising no-show rate or post-service delta is bad news; every other figure is good news when it rises. Rates change by percentage points.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="364" />
            <source>Resting on %1 CSAT and %2 NPS answers, %3 visits, %4 new clients and %5 follow-up tasks due.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="388" />
            <source>practitioner %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="390" />
            <source>service %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="392" />
            <source>referral source "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="393" />
            <source>whole practice, no filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="184" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="398" />
            <source>Practice report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="399" />
            <source>Period: %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="403" />
            <source>Filters: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="408" />
            <source>A figure shown as "none" has nothing to count in the period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="415" />
            <source>Client satisfaction (CSAT)</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="416" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="437" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="480" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="510" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="532" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="558" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="236" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="416" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="426" />
            <source>CSAT score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="417" />
            <source>Mean score (1–5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="418" />
            <source>Satisfied (4 or 5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="419" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="442" />
            <source>Responses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="192" />
            <source>CSAT = 100 × (answers scoring 4 or 5) / (all CSAT answers), on the 1–5 scale, answers dated in the period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="425" />
            <source>CSAT by month (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="432" />
            <source>Net Promoter Score (NPS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="433" />
            <source>%1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="238" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="437" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="470" />
            <source>NPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="438" />
            <source>95 % interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="439" />
            <source>Promoters (9–10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="440" />
            <source>Passives (7–8)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="441" />
            <source>Detractors (0–6)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/report/reportpdfrenderer.cpp" line="370" />
            <source>Low confidence: only %n answer(s), fewer than %1. Read the interval before drawing conclusions.</source>
            <translation>
                <numerusform>Low confidence: only %n answer, fewer than %1. Read the interval before drawing conclusions.</numerusform>
                <numerusform>Low confidence: only %n answers, fewer than %1. Read the interval before drawing conclusions.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="195" />
            <source>NPS = 100 × (promoters − detractors) / answers, on the 0–10 scale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="196" />
            <source>Interval: NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n), p and d the shares of promoters and detractors, cut off at −100 and +100.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/report/reportpdfrenderer.cpp" line="404" />
            <source>Lapse window: %n days; follow-up deadlines judged as of %1.</source>
            <translation>
                <numerusform>Lapse window: %n day; follow-up deadlines judged as of %1.</numerusform>
                <numerusform>Lapse window: %n days; follow-up deadlines judged as of %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/report/reportpdfrenderer.cpp" line="444" />
            <source>Low confidence: only %n answers, fewer than %1. Read the interval before drawing conclusions.</source>
            <translation>
                <numerusform>Low confidence: only %n answer, fewer than %1. Read the interval before drawing conclusions.</numerusform>
                <numerusform>Low confidence: only %n answers, fewer than %1. Read the interval before drawing conclusions.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="453" />
            <source>Promoters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="454" />
            <source>Passives</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="456" />
            <source>Detractors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="469" />
            <source>NPS by month, with its 95 % interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="471" />
            <source>Answers by month: promoters, passives, detractors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="479" />
            <source>Retention and churn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="240" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="481" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="496" />
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="482" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="497" />
            <source>Churn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="483" />
            <source>Active the day before the period (S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="484" />
            <source>Active on the last day (E)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="485" />
            <source>Retained (in S and E)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="486" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="507" />
            <source>New clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="199" />
            <source>Retention = 100 × |S and E| / |S|; churn = 100 − retention. Active on a day T: a visit on one of the W days before and including T.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="495" />
            <source>Retention and churn by month (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="246" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="504" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="505" />
            <source>Referral rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="506" />
            <source>Referred by a client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="509" />
            <source>New clients from "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="207" />
            <source>Referral rate = 100 × (new clients referred by a client) / (new clients).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="516" />
            <source>Cohort retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>First visit in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>Clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>3 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>6 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="522" />
            <source>12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="227" />
            <source>k3 / k6 / k12 = 100 × (clients of the cohort with another visit within k months after their first) / (clients of the cohort).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="229" />
            <source>A share stays empty until the window has passed for the whole cohort.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="531" />
            <source>No-show and rebooking rates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="242" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="533" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="549" />
            <source>No-show rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="534" />
            <source>No-shows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="535" />
            <source>Completed visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="244" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="536" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="550" />
            <source>Rebooking rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="537" />
            <source>Visits followed by a rebooking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="538" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="594" />
            <source>Visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="202" />
            <source>No-show rate = 100 × no-shows / (visits + no-shows).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="204" />
            <source>Rebooking rate = 100 × (visits followed by a rebooking) / (visits in the period); booked no later than 7 × 24 hours after the visit ended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="548" />
            <source>No-show and rebooking rates by month (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="557" />
            <source>Client lifetime value (CLV)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="252" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="559" />
            <source>Historical CLV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="254" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="560" />
            <source>Predicted CLV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="561" />
            <source>Clients with a visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="562" />
            <source>Visits in the last 365 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="563" />
            <source>Expected years as a client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="216" />
            <source>Historical CLV = paid invoice amounts up to the last day, per client with at least one visit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="219" />
            <source>Predicted CLV = (paid in Y / visits in Y) × (visits in Y / clients with a visit in Y) × expected years, Y the last 365 days.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="571" />
            <source>SLA adherence (follow-up on time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="573" />
            <source>All tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="575" />
            <source>On time (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>Task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>On time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>Met</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="582" />
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="210" />
            <source>SLA adherence = 100 × (tasks done on or before their deadline) / (tasks due); open tasks not yet due are left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="585" />
            <source>On time by kind of task (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="250" />
            <location filename="../ui/report/reportpdfrenderer.cpp" line="591" />
            <source>Post-service delta</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="593" />
            <source>Mean steps dropped per visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="597" />
            <source>Completed (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="604" />
            <source>Applicable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="213" />
            <source>Post-service delta = mean over the period's visits of the applicable steps not done; per step, completion = 100 × done / applicable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpdfrenderer.cpp" line="607" />
            <source>Completion by step (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpage.h" line="246" />
            <source>Page %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/report/reportpage.h" line="247" />
            <source>Page %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultImport</name>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="118" />
            <source>reference_low %1 is above reference_high %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="120" />
            <source>value: empty, although a unit or a reference range is given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="126" />
            <source>summary: differs from the summary of the same result on line %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="244" />
            <source>Another row of the same result (line %1) was rejected, so the result %2 of client "%3" received %4 was not imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/importing/resultimport.cpp" line="257" />
            <source>The result %1 of client "%2" received %3 has been reviewed already; an import does not change a reviewed result.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultRepository</name>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="69" />
            <source>received, not yet reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="71" />
            <source>reviewed, not yet communicated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="73" />
            <source>communicated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="81" />
            <source>A result must belong to a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="83" />
            <source>A result needs the name of the test.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="85" />
            <source>A result needs the time it was received.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="88" />
            <source>Each value of a result needs a number or a text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="91" />
            <source>The lower end of a reference range lies above its upper end.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="127" />
            <source>This client's %1 received at %2 is recorded already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="133" />
            <source>The database did not return the new result's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="179" />
            <location filename="../core/repositories/resultrepository.cpp" line="211" />
            <location filename="../core/repositories/resultrepository.cpp" line="359" />
            <location filename="../core/repositories/resultrepository.cpp" line="446" />
            <source>There is no result with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="361" />
            <location filename="../core/repositories/resultrepository.cpp" line="382" />
            <source>result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="407" />
            <location filename="../core/repositories/resultrepository.cpp" line="421" />
            <source>A summary to sign off must not be empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="411" />
            <source>This result was %1; its summary changes only as a new version, with the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="424" />
            <source>The client was told this summary already: say why it changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="426" />
            <source>The summary is unchanged; there is no new version to keep.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="431" />
            <source>This result is %1; sign off its summary instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="529" />
            <source>This result was %1; its abnormal flag can no longer be changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="539" />
            <source>This result is %1; only a received result can be reviewed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/resultrepository.cpp" line="550" />
            <source>This result is %1; a result is communicated after it was reviewed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultValueText</name>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="27" />
            <source>%1 – %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="29" />
            <source>up to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="31" />
            <source>from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="53" />
            <source>high %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="55" />
            <source>low %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="57" />
            <location filename="../ui/followup/resultvaluetext.cpp" line="59" />
            <source>abnormal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="68" />
            <source>rising ↗</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="70" />
            <source>falling ↘</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="72" />
            <source>steady →</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultvaluetext.cpp" line="76" />
            <source>no earlier value</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServiceTypeRepository</name>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="60" />
            <source>A service needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="62" />
            <source>A service lasts between 5 minutes and 12 hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="64" />
            <source>A price cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="68" />
            <source>A check-in call or survey cannot come before the visit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="70" />
            <source>A rebook reminder needs at least one week.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="102" />
            <location filename="../core/repositories/servicetyperepository.cpp" line="134" />
            <source>There is a service called %1 already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="107" />
            <source>The database did not return the new service's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="139" />
            <source>service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="153" />
            <source>There is no service with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/servicetyperepository.cpp" line="165" />
            <source>There is no service called %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Session</name>
        <message numerus="yes">
            <location filename="../core/signin/session.cpp" line="29" />
            <source>Too many attempts. Please wait %n seconds.</source>
            <translation>
                <numerusform>Too many attempts. Please wait %n second.</numerusform>
                <numerusform>Too many attempts. Please wait %n seconds.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/signin/session.cpp" line="58" />
            <source>Nobody is signed in.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StaleEdit</name>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="28" />
            <source>The %1 no longer exists; someone may have removed it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="30" />
            <source>another workstation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="34" />
            <source>%1 changed this %2 at %3 while you were editing it. Nothing was overwritten: reload to see their change, then apply yours again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/staleedit.cpp" line="38" />
            <source>Someone else changed this %1 while you were editing it. Nothing was overwritten: reload to see their change, then apply yours again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SummaryPdf</name>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="38" />
            <location filename="../ui/followup/summarypdf.cpp" line="80" />
            <source>Your %1 result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="40" />
            <source>For %1 · received %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="43" />
            <source>What it means</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="45" />
            <source>Your clinician will explain this result to you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="49" />
            <source>The values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="53" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="53" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="54" />
            <source>Usual range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="54" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="28" />
            <source>outside the usual range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="21" />
            <source>higher than usual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="23" />
            <source>lower than usual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarypdf.cpp" line="68" />
            <source>Laboratory report</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SummaryTemplateRepository</name>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="104" />
            <source>Name the test this template is for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="106" />
            <source>The template is empty; write the summary text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="109" />
            <source>The template uses placeholders that do not exist: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="132" />
            <source>%1 has a template for abnormal results already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="133" />
            <source>%1 has a template for normal results already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="138" />
            <source>The new template got no number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="159" />
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="178" />
            <source>summary template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="194" />
            <source>There is no template for abnormal results of %1 yet; write the summary yourself or add a template.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="196" />
            <source>There is no template for normal results of %1 yet; write the summary yourself or add a template.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/summarytemplaterepository.cpp" line="212" />
            <source>%1 %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SummaryText</name>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="29" />
            <source>normal %1–%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="32" />
            <source>normal from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="34" />
            <source>normal up to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="42" />
            <source>outside the normal range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="45" />
            <source>within the normal range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="47" />
            <source>below the normal range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="49" />
            <source>above the normal range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="82" />
            <source>the client's first name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="83" />
            <source>the client's full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="84" />
            <source>the name of the test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="85" />
            <source>the day the result arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="86" />
            <source>every value and its normal range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="87" />
            <source>only the values out of range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="88" />
            <source>your name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="89" />
            <source>the practice's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="90" />
            <source>the practice's phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="118" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="122" />
            <source>, %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/domain/summarytext.cpp" line="135" />
            <location filename="../core/domain/summarytext.cpp" line="145" />
            <source>as the laboratory reports it</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TaskReason</name>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="22" />
            <source>Discuss a result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="24" />
            <source>Pass on a result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="26" />
            <source>Check-in call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="28" />
            <source>Call back an unhappy client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="30" />
            <source>Rebook reminder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="32" />
            <source>Annual review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="34" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="46" />
            <source>Discuss the %1 result received on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="50" />
            <source>Pass on the %1 result received on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="54" />
            <source>Ask how things are after %1 on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="58" />
            <source>Answered %1 %2 of %3 on %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="59" />
            <source>NPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="59" />
            <source>CSAT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="66" />
            <source>Nothing booked since %1 on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="70" />
            <source>A year since the last visit, %1 on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="74" />
            <source>Not reached by phone about the %1 result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="76" />
            <source>Not reached by phone after %1 on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/taskreason.cpp" line="77" />
            <source>Not reached by phone</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TouchpointRepository</name>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="26" />
            <source>A touchpoint must concern a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="28" />
            <source>A touchpoint needs a kind.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="42" />
            <source>The database did not return the new touchpoint's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="116" />
            <source>%1 %2 of %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="117" />
            <source>NPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/touchpointrepository.cpp" line="117" />
            <source>CSAT</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserRepository</name>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="46" />
            <source>A user name must not be empty or contain spaces.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="60" />
            <source>The user name %1 is taken.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="65" />
            <source>The database did not return the new user's id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="78" />
            <source>This practice has users already; an administrator must add new ones.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="116" />
            <location filename="../core/repositories/userrepository.cpp" line="166" />
            <source>There is no such user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="126" />
            <source>You cannot deactivate your own account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="142" />
            <source>The user name or the password is not right.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/repositories/userrepository.cpp" line="155" />
            <source>This account has been deactivated.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="18" />
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="20" />
            <source>Practice manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="22" />
            <source>Clinician</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="24" />
            <source>Reception</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="33" />
            <source>female</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="35" />
            <source>male</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="37" />
            <source>diverse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="39" />
            <source>not stated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="48" />
            <location filename="../ui/common/vocabularytext.cpp" line="120" />
            <source>E-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="50" />
            <location filename="../ui/common/vocabularytext.cpp" line="122" />
            <source>Text message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="52" />
            <location filename="../ui/common/vocabularytext.cpp" line="118" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="54" />
            <location filename="../ui/common/vocabularytext.cpp" line="124" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="63" />
            <source>Appointment reminders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="65" />
            <source>Test results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="67" />
            <source>Feedback surveys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="69" />
            <source>Newsletter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="71" />
            <source>Community invitations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="73" />
            <source>Birthday greetings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="82" />
            <source>any channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="84" />
            <source>e-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="86" />
            <source>text message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="88" />
            <source>phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="90" />
            <source>letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="99" />
            <source>Awareness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="101" />
            <source>Consideration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="103" />
            <source>Decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="105" />
            <source>In care</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="107" />
            <source>After care</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="116" />
            <source>In person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="133" />
            <source>Reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="135" />
            <source>Voicemail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="137" />
            <source>No answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="139" />
            <source>Wrong number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="141" />
            <source>Busy or declined</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="150" />
            <location filename="../ui/common/vocabularytext.cpp" line="169" />
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="152" />
            <source>call again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="154" />
            <source>appointment booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="156" />
            <source>handed over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="158" />
            <source>letter instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="167" />
            <source>open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="171" />
            <location filename="../ui/common/vocabularytext.cpp" line="216" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="180" />
            <source>received, not yet reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="182" />
            <source>reviewed, not yet communicated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="184" />
            <source>communicated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="193" />
            <source>Card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="195" />
            <source>Cash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="197" />
            <source>Bank transfer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="199" />
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="208" />
            <source>booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="210" />
            <source>confirmed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="212" />
            <source>checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="214" />
            <source>completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="218" />
            <source>no-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="232" />
            <source>Urgent</source>
            <comment>task priority</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="234" />
            <source>High</source>
            <comment>task priority</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="236" />
            <source>Normal</source>
            <comment>task priority</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="238" />
            <source>Low</source>
            <comment>task priority</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="248" />
            <source>Registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="249" />
            <source>Welcome pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="250" />
            <source>Booking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="251" />
            <source>Reminder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="252" />
            <source>Check-in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="253" />
            <source>Visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="254" />
            <source>No-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="255" />
            <source>Cancellation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="256" />
            <source>Thank-you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="257" />
            <source>Survey request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="258" />
            <source>Feedback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="259" />
            <source>Result explained</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="260" />
            <source>Invoice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="261" />
            <source>Payment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="263" />
            <source>Newsletter invitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="264" />
            <source>Community invitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="265" />
            <source>Birthday greeting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="266" />
            <source>Loyalty perk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/vocabularytext.cpp" line="267" />
            <source>Recall call</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomePackPdf</name>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="37" />
            <source>Welcome, %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="39" />
            <source>Thank you for choosing us. Here is everything you need for your first visit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="43" />
            <source>Your appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="45" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="46" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="50" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="50" />
            <source>1 minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="51" />
            <source>%1 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="52" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="53" />
            <source>With</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="55" />
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="59" />
            <source>What to bring and how to prepare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="62" />
            <source>Nothing special is needed. Please bring your insurance card and arrive a few minutes early.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="67" />
            <source>To cancel or reschedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="70" />
            <source>How to reach us</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="73" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="75" />
            <source>E-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="77" />
            <source>Opening hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="79" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackpdf.cpp" line="95" />
            <source>Welcome pack for %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomePackReader</name>
        <message>
            <location filename="../core/reception/welcomepackreader.cpp" line="28" />
            <source>There is no appointment with the number %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/reception/welcomepackreader.cpp" line="64" />
            <source>If you cannot come or would like another time, please let us know at least 24 hours beforehand, so that someone else can have the appointment.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Worklist</name>
        <message>
            <location filename="../core/aftercare/worklist.cpp" line="229" />
            <source>A page of the worklist needs a size and a start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/aftercare/worklist.cpp" line="270" />
            <source>The task %1 is no longer open.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Workspaces</name>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="26" />
            <source>Follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="32" />
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="38" />
            <source>Reception</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="45" />
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/workspaceregistry.cpp" line="51" />
            <source>Administration</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::AddUserDialog</name>
        <message>
            <location filename="../ui/admin/adduserdialog.cpp" line="23" />
            <source>&amp;Add user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adduserdialog.cpp" line="27" />
            <source>Add user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adduserdialog.cpp" line="37" />
            <source>R&amp;ole:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::AdminWorkspace</name>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="25" />
            <source>&amp;Add user…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="26" />
            <source>&amp;Reset password…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="27" />
            <location filename="../ui/admin/adminworkspace.cpp" line="103" />
            <source>&amp;Deactivate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="30" />
            <source>Users and roles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="33" />
            <source>Everyone who signs in to Aftercare has an account here. The role decides which workspaces they see; deactivated accounts can no longer sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="44" />
            <source>Add a user (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="57" />
            <source>Users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="103" />
            <source>Re&amp;activate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="105" />
            <source>You cannot deactivate your own account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="126" />
            <source>%1 can now sign in as “%2”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="141" />
            <source>The password of %1 has been changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="159" />
            <source>%1 can no longer sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/adminworkspace.cpp" line="160" />
            <source>%1 can sign in again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::BookingDialog</name>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="41" />
            <source>&amp;Double-book anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="57" />
            <source>Book appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="61" />
            <location filename="../ui/reception/bookingdialog.cpp" line="113" />
            <source>&amp;Book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="70" />
            <source>Move appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="81" />
            <source>&amp;Move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="91" />
            <location filename="../ui/reception/bookingdialog.cpp" line="110" />
            <source>Book an appointment for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="101" />
            <source>&amp;Choose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="165" />
            <source>Name, date of birth, phone, email or number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="170" />
            <source>No client chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="187" />
            <source>Why both clients are booked at this time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="197" />
            <source>&amp;Client:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="200" />
            <source>&amp;Practitioner:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="201" />
            <source>&amp;Service:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="203" />
            <source>S&amp;tarts at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="204" />
            <source>&amp;Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="206" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="229" />
            <source>Client: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/bookingdialog.cpp" line="266" />
            <source>%n minutes, %1</source>
            <translation>
                <numerusform>%n minute, %1</numerusform>
                <numerusform>%n minutes, %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="288" />
            <source>A double-booking needs a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="294" />
            <source>Please choose a practitioner.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="359" />
            <source>Please choose a client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="365" />
            <source>Please choose a service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/bookingdialog.cpp" line="311" />
            <location filename="../ui/reception/bookingdialog.cpp" line="344" />
            <source>Choose another time, or tick "Double-book anyway" and give a reason.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::CallDialog</name>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="38" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="38" />
            <source>Close without reaching them…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="40" />
            <source>Call again at…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="42" />
            <source>Book an appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="44" />
            <source>Escalate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="100" />
            <source>Call %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="118" />
            <source>Log call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="149" />
            <source>no phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="158" />
            <source>Prefers: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="160" />
            <source>After each visit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="173" />
            <source>What to tell them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="176" />
            <source>No summary written yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="185" />
            <source>Open result…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="192" />
            <source>Their answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="194" />
            <source>NPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="194" />
            <source>CSAT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="195" />
            <source>%1 score %2 on %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="201" />
            <source>No comment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="218" />
            <source>No calls yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="219" />
            <source>Calls so far</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="232" />
            <source>Recent contacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="268" />
            <source>Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="277" />
            <source>Call again at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="379" />
            <source>How was it settled?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="46" />
            <source>Write instead (letter or email)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="262" />
            <source>Choose what came of the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="264" />
            <source>&amp;Outcome:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="271" />
            <source>Choose what happens next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="272" />
            <source>Ne&amp;xt step:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="280" />
            <source>Hand over &amp;to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="283" />
            <location filename="../ui/followup/calldialog.cpp" line="378" />
            <source>&amp;Resolution:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="293" />
            <source>Booking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="299" />
            <source>C&amp;hoose a time…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="306" />
            <source>Answer to a survey question in the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="313" />
            <source>Satisfaction (CSAT 1–5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="314" />
            <source>Recommendation (NPS 0–10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="319" />
            <source>Question:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="320" />
            <source>Score:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="321" />
            <source>Comment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="325" />
            <source>Three calls went unanswered. A letter may reach them better.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="327" />
            <source>Send a letter instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="378" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="380" />
            <source>Why is it closed without reaching them?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="402" />
            <source>No time chosen yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="409" />
            <source>%1 with %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="413" />
            <source>Double-booked: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="474" />
            <source>Choose what came of the call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="477" />
            <source>Choose what happens next.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="493" />
            <source>Choose a time for the appointment first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="515" />
            <source>%1 was written to by email.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="516" />
            <source>%1 was written to by letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="528" />
            <source>A letter task replaces the call to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="562" />
            <source>Call to %1 logged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="564" />
            <source>Appointment booked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="566" />
            <source>A recovery task was opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="568" />
            <source>A letter task was opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="570" />
            <source>The task stays open: next attempt %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/calldialog.cpp" line="573" />
            <source>Three calls went unanswered: consider a letter.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::CancelAppointmentDialog</name>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="23" />
            <source>Cancel appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="24" />
            <source>Why is %1's appointment on %2 with %3 cancelled?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="30" />
            <source>The client is ill</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="30" />
            <source>The client cannot make it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="31" />
            <source>The client no longer needs the appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="32" />
            <source>The practitioner is unavailable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="32" />
            <source>Booked by mistake</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="33" />
            <source>Other: …</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="37" />
            <source>The reason, in a few words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="44" />
            <source>Cancel &amp;appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="45" />
            <source>&amp;Keep it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="98" />
            <source>Please type the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/cancelappointmentdialog.cpp" line="99" />
            <source>Please choose a reason.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientFinder</name>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="21" />
            <source>&amp;New client… (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="30" />
            <source>Name, date of birth, phone, e-mail or client number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="32" />
            <source>Find a client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="48" />
            <source>Matching clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="56" />
            <source>&amp;Find client:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="116" />
            <source>Type a name (“Müller, Anna” or “Anna Mü”), a date of birth, a phone number, an e-mail address or a client number. Ctrl+K brings you here from anywhere.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="121" />
            <source>Keep typing the date of birth: day.month.year, e.g. 12.03.1985.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="124" />
            <source>There is no such date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="127" />
            <source>Type at least three digits of the phone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientfinder.cpp" line="131" />
            <source>No client matches “%1”. Press Enter to register a new client.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/clientfinder.cpp" line="134" />
            <source>The first %n matching clients. Press Enter to open the highlighted one.</source>
            <translation>
                <numerusform>The first matching client. Press Enter to open it.</numerusform>
                <numerusform>The first %n matching clients. Press Enter to open the highlighted one.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/clientfinder.cpp" line="138" />
            <source>%n matching clients. Press Enter to open the highlighted one.</source>
            <translation>
                <numerusform>%n matching client. Press Enter to open it.</numerusform>
                <numerusform>%n matching clients. Press Enter to open the highlighted one.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientIdentityLabel</name>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="18" />
            <source>born %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="21" />
            <source>date of birth not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="22" />
            <source>no client number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clientidentitylabel.cpp" line="23" />
            <source>client no. %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientMatchModel</name>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="17" />
            <source>Found by client number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="19" />
            <source>Found by name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="21" />
            <source>Found by date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="23" />
            <source>Found by phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="25" />
            <source>Found by e-mail address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="88" />
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="89" />
            <source>%1 (archived)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="109" />
            <source>Next: %1 with %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="133" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="135" />
            <source>Born</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="137" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="139" />
            <source>Client no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="141" />
            <source>Next appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientmatchmodel.cpp" line="143" />
            <source>With</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientPanel</name>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="53" />
            <source>No consent has been recorded for this client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="55" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="56" />
            <source>&amp;Open profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="57" />
            <source>Boo&amp;k…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="64" />
            <source>Purpose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="64" />
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="64" />
            <source>Consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="70" />
            <location filename="../ui/reception/clientpanel.cpp" line="105" />
            <source>Consents in force</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="75" />
            <source>Back to the search (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="78" />
            <source>Phone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="79" />
            <source>E-mail:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="80" />
            <source>Address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="81" />
            <source>Prefers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="84" />
            <source>Stage:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="85" />
            <source>Client since:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="86" />
            <source>Came through:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="99" />
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="102" />
            <source>Journey</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="111" />
            <source>Everything about this client: history, invoices, timeline (Ctrl+O)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="120" />
            <source>A new appointment for this client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="130" />
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="146" />
            <source>%1 (archived)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="148" />
            <source>Client no. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="150" />
            <source>born %1 (age %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="166" />
            <source>recommended by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="188" />
            <source>given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="188" />
            <source>refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="191" />
            <source>Recorded on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpanel.cpp" line="192" />
            <source>Recorded on %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientPicker</name>
        <message>
            <location filename="../ui/reception/clientpicker.cpp" line="23" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpicker.cpp" line="26" />
            <source>Search by name, date of birth, phone or e-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientpicker.cpp" line="61" />
            <source>Referred by %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClientProfile</name>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="64" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="77" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <source>With</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="85" />
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <location filename="../ui/reception/clientprofile.cpp" line="95" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="86" />
            <source>Boo&amp;k appointment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="87" />
            <source>Show in &amp;diary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="88" />
            <source>Mo&amp;ve…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="89" />
            <source>Cancel appoint&amp;ment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Invoice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="91" />
            <source>Paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="95" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="95" />
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="105" />
            <source>Esc</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="124" />
            <source>A new appointment for this client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="139" />
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="141" />
            <source>Consent history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="151" />
            <source>&amp;Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="161" />
            <source>&amp;Appointments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="162" />
            <source>&amp;Invoices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="163" />
            <source>Res&amp;ults</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="221" />
            <location filename="../ui/reception/clientprofile.cpp" line="326" />
            <source>&amp;Timeline (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="240" />
            <source>born %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="243" />
            <source>stage: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="244" />
            <source>client since %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="282" />
            <source>Upcoming (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="283" />
            <source>Past (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="284" />
            <source>&amp;Appointments (%1 ahead)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="341" />
            <source>Booked: %1 with %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="359" />
            <source>Moved to %1 with %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="382" />
            <source>Cancelled: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="404" />
            <source>draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="408" />
            <source>overdue since %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="409" />
            <source>issued, due %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="412" />
            <source>paid %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="415" />
            <source>void</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="423" />
            <source>Open balance: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="424" />
            <source>Nothing owed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="441" />
            <source>received, not yet reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="444" />
            <source>reviewed, not yet discussed with the client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="447" />
            <source>discussed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/clientprofile.cpp" line="453" />
            <source>Res&amp;ults (%1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClinicalFinderDialog</name>
        <message>
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="20" />
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="29" />
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="57" />
            <source>Find a client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalfinderdialog.cpp" line="30" />
            <source>No client matches “%1”. New clients are registered at the reception desk.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ClinicalProfileDialog</name>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="59" />
            <source>Clinical profile — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="68" />
            <source>no phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="71" />
            <source>prefers: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="78" />
            <source>Out of range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="79" />
            <source>Told / discussed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="79" />
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="82" />
            <source>Calls and outcomes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Question</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="86" />
            <source>Comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="137" />
            <source>(no summary yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="137" />
            <source>(not signed off) %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="150" />
            <source>&amp;Results (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="162" />
            <source>no call yet</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="163" />
            <source>%n calls</source>
            <translation>
                <numerusform>%n call</numerusform>
                <numerusform>%n calls</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="180" />
            <source>&amp;Calls (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="190" />
            <source>Recommendation (NPS 0–10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="190" />
            <source>Satisfaction (CSAT 1–5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/clinicalprofiledialog.cpp" line="195" />
            <source>&amp;Feedback (%1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ConsentFields</name>
        <message>
            <location filename="../ui/reception/consentfields.cpp" line="27" />
            <source>Channel for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/consentfields.cpp" line="40" />
            <source>Signed intake form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/consentfields.cpp" line="41" />
            <source>Evide&amp;nce:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::DashboardCharts</name>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="274" />
            <source>&amp;Satisfaction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="275" />
            <source>C&amp;lients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="276" />
            <source>&amp;Follow-up and visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="326" />
            <source>CSAT by month (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="330" />
            <source>CSAT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="333" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="409" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="532" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="559" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="579" />
            <source>%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="337" />
            <source>CSAT answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="344" />
            <source>NPS by month, with its 95 % interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="346" />
            <source>Promoters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="347" />
            <source>Passives</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="348" />
            <source>Detractors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="372" />
            <source>answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="375" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="381" />
            <source>NPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="377" />
            <source>95 % interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="401" />
            <source>Retention and churn by month (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="410" />
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="410" />
            <source>Churn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="416" />
            <source>Clients who lapsed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="249" />
            <source>Cohort retention: back within k months (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="167" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="179" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>Clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>3 mo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>6 mo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="233" />
            <source>12 mo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="234" />
            <source>3 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="234" />
            <source>6 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="234" />
            <source>12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="245" />
            <source>Cohort retention: back within k months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="267" />
            <source>Clients of the cohort</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="445" />
            <source>%n client(s) came for the first time in %1</source>
            <translation>
                <numerusform>%n client came for the first time in %1</numerusform>
                <numerusform>%n clients came for the first time in %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="460" />
            <source>%1: %2 of %3 back within %4 months (%5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="467" />
            <source>%1: no new clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="468" />
            <source>%1: the %2 months have not passed for the whole cohort yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="485" />
            <source>New clients by referral source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="487" />
            <source>New clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="492" />
            <source>not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="499" />
            <source>clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="509" />
            <source>New clients: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="516" />
            <source>SLA adherence by kind (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="518" />
            <source>Done on time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="549" />
            <source>Post-service steps done (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="551" />
            <source>Done where it applied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="564" />
            <source>Visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="571" />
            <source>No-show and rebooking rates by month (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="580" />
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="588" />
            <source>No-shows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="581" />
            <source>Rebooked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardcharts.cpp" line="593" />
            <source>Rebooked visits</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::DashboardWorkspace</name>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="58" />
            <source>All practitioners</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="59" />
            <source>All services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="61" />
            <source>All referral sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="64" />
            <source>Print pre&amp;view…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="65" />
            <source>Save P&amp;DF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="77" />
            <source>Practitioner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="78" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="79" />
            <source>Referral source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="90" />
            <source>F&amp;ilter:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="102" />
            <source>CSAT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="103" />
            <source>NPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="104" />
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="105" />
            <source>No-show rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="106" />
            <source>Rebooking rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="108" />
            <source>Referral rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="110" />
            <source>SLA adherence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="111" />
            <source>Post-service delta</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="114" />
            <source>Lifetime value (CLV)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="254" />
            <source>Counting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="275" />
            <source>%1 so far, compared with %2 (the same days of the period before).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="277" />
            <source>%1, compared with %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="280" />
            <source> %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="280" />
            <source> points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="336" />
            <source>predicted: %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="379" />
            <source>Save the report as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="380" />
            <source>report-%1-to-%2.pdf</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="382" />
            <source>PDF documents (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/dashboardworkspace.cpp" line="393" />
            <source>The report was saved as %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::DesktopController</name>
        <message>
            <location filename="../ui/desktopcontroller.cpp" line="81" />
            <location filename="../ui/desktopcontroller.cpp" line="162" />
            <source>Aftercare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/desktopcontroller.cpp" line="82" />
            <source>The practice's database cannot be read.

%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/desktopcontroller.cpp" line="159" />
            <source>Tidying the practice's database file so that it stays quick to read.
This happens about once a month and takes a moment.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::DrilldownDialog</name>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="26" />
            <source>&amp;Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="28" />
            <source>list-%1-to-%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="33" />
            <source>%1, %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="37" />
            <source>Save every row of the list, in this order, as a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="46" />
            <source>Double-click a row or press Enter to open the client's profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="80" />
            <source>The list cannot be shown.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="83" />
            <source>%1: %Ln rows</source>
            <translation>
                <numerusform>%1: %Ln row</numerusform>
                <numerusform>%1: %Ln rows</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="112" />
            <source>The list could not be written to %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="118" />
            <source>Export the list as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="119" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/dashboard/drilldowndialog.cpp" line="129" />
            <source>%n row(s) saved as %1.</source>
            <translation>
                <numerusform>%n row saved as %1.</numerusform>
                <numerusform>%n rows saved as %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::DrilldownModel</name>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="73" />
            <source>done on time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="73" />
            <source>late or not done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="75" />
            <source>promoter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="77" />
            <source>passive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="79" />
            <source>detractor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="81" />
            <source>referral source not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="102" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="197" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="202" />
            <source>Answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="204" />
            <source>Last visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="206" />
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="208" />
            <source>Appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="211" />
            <source>Score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="213" />
            <source>Practitioner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="215" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/drilldownmodel.cpp" line="217" />
            <source>Detail</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::FigureTile</name>
        <message>
            <location filename="../ui/today/figuretile.cpp" line="39" />
            <source>not available</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::FirstBookingFields</name>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="38" />
            <source>&amp;Book the first appointment now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="44" />
            <source>Double-boo&amp;k anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="73" />
            <source>Why both clients are booked at this time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="79" />
            <source>Practi&amp;tioner:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="80" />
            <source>Ser&amp;vice:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="82" />
            <source>Starts &amp;at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="173" />
            <source>%1 min, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="180" />
            <source>Choose a practitioner and a service for the first booking.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="183" />
            <source>The first appointment lies in the past.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="191" />
            <source>Choose another time, or double-book with a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/firstbookingfields.cpp" line="193" />
            <source>A double-booking needs a reason.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::FirstRunDialog</name>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="22" />
            <source>&amp;Create and sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="26" />
            <source>Aftercare — Welcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="28" />
            <source>Welcome to Aftercare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="31" />
            <source>This practice has no users yet. Create the first administrator account: it can add everyone else and give them their roles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="38" />
            <source>e.g. admin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/firstrundialog.cpp" line="46" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::FollowUpWorkspace</name>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="38" />
            <source>Overdue only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="39" />
            <source>Plan follow-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="42" />
            <source>Show every client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="56" />
            <source>Mine and unassigned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="57" />
            <source>Mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="58" />
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="59" />
            <source>Every kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="63" />
            <source>Calls and tasks due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="70" />
            <source>Show:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="98" />
            <source>Open call…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="100" />
            <source>Summary &amp;templates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="102" />
            <source>Find client… (Ctrl+K)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="178" />
            <source>Only %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/followupworkspace.cpp" line="179" />
            <source>Only one client (nothing due)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/followupworkspace.cpp" line="185" />
            <source>%n due</source>
            <translation>
                <numerusform>%n due</numerusform>
                <numerusform>%n due</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/followupworkspace.cpp" line="186" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/followupworkspace.cpp" line="203" />
            <source>%n new tasks planned.</source>
            <translation>
                <numerusform>%n new task planned.</numerusform>
                <numerusform>%n new tasks planned.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::FormDialog</name>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="133" />
            <source>Discard your changes?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="135" />
            <source>What you entered here has not been saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="136" />
            <source>&amp;Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/formdialog.cpp" line="138" />
            <source>&amp;Keep editing</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::InvoiceDocumentDialog</name>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="32" />
            <source>&amp;Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="34" />
            <source>&amp;Save as PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="50" />
            <source>Invoice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="72" />
            <source>%1 could not be written to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="76" />
            <source>Saved to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="77" />
            <source>%1 saved as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="96" />
            <source>Save %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="97" />
            <source>PDF documents (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="101" />
            <source>%1 %2.pdf</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="116" />
            <source>Sent to the printer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicedocumentdialog.cpp" line="118" />
            <source>%1 printed and handed over</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::InvoicePage</name>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="57" />
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="59" />
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="61" />
            <location filename="../ui/reception/invoicepage.cpp" line="104" />
            <source>Paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="63" />
            <source>Void</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="87" />
            <source>Add li&amp;ne</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="88" />
            <source>&amp;Remove line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="89" />
            <source>&amp;Issue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="90" />
            <source>Prin&amp;t / PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="96" />
            <source>Record &amp;payment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="101" />
            <source>Drafts to review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="102" />
            <source>Issued, not paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="103" />
            <location filename="../ui/reception/invoicepage.cpp" line="111" />
            <source>Overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="105" />
            <source>&amp;Show:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="110" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="111" />
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="139" />
            <source>%n days</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Qty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Unit price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="160" />
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="169" />
            <source>The invoice, or the receipt once it is paid, to print or to save as a PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="179" />
            <source>Amount paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="209" />
            <source>Pai&amp;d on:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="356" />
            <source>%n drafts, %1 in all</source>
            <translation>
                <numerusform>%n draft, %1 in all</numerusform>
                <numerusform>%n drafts, %1 in all</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="360" />
            <source>%n invoices not paid, %1 open</source>
            <translation>
                <numerusform>%n invoice not paid, %1 open</numerusform>
                <numerusform>%n invoices not paid, %1 open</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="364" />
            <source>%n invoices overdue, %1 open</source>
            <translation>
                <numerusform>%n invoice overdue, %1 open</numerusform>
                <numerusform>%n invoices overdue, %1 open</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="368" />
            <source>%n invoices paid, %1 in all</source>
            <translation>
                <numerusform>%n invoice paid, %1 in all</numerusform>
                <numerusform>%n invoices paid, %1 in all</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="525" />
            <source>%1 issued to %2; due on %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="558" />
            <source>%1 from %2 for %3; the invoice is paid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="560" />
            <source>%1 from %2 for %3; %4 still open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="205" />
            <source>A&amp;mount:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="207" />
            <source>M&amp;ethod:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="396" />
            <source>Invoice %1 · %2 · %3</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/invoicepage.cpp" line="399" />
            <source>%n days overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="420" />
            <source>Total %1 · paid %2 · open %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="424" />
            <source>due %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="428" />
            <source>Payment for %1 · %2:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="430" />
            <source>%1 is paid in full.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="432" />
            <source>Payments are taken once the invoice is issued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="436" />
            <source>No invoice in this list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="462" />
            <source>The quantity is a whole number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="468" />
            <source>The unit price is an amount such as %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="477" />
            <source>Line saved; the total is %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="485" />
            <source>Further item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="492" />
            <source>Line added: type its description and price.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/invoicepage.cpp" line="509" />
            <source>Line removed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::LockScreen</name>
        <message>
            <location filename="../ui/lockscreen.cpp" line="24" />
            <source>&amp;Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="25" />
            <source>S&amp;witch user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="34" />
            <source>Locked — sign in to continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="51" />
            <source>User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="52" />
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/lockscreen.cpp" line="93" />
            <source>%1 (%2) is signed in at this workstation.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/lockscreen.cpp" line="130" />
            <source>Too many failed attempts in a row. Please wait %n seconds before trying again.</source>
            <translation>
                <numerusform>Too many failed attempts in a row. Please wait %n second before trying again.</numerusform>
                <numerusform>Too many failed attempts in a row. Please wait %n seconds before trying again.</numerusform>
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
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="43" />
            <source>%1 — Aftercare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="47" />
            <source>Workspaces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="77" />
            <source>Signed in: %1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="128" />
            <source>Hide everything until you sign in again (Ctrl+L)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="165" />
            <source>Sign &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="126" />
            <source>Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="129" />
            <source>Sign out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="131" />
            <source>Sign out and leave the workstation to the next person (Ctrl+Shift+Q)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="155" />
            <source>&amp;Find client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="161" />
            <source>&amp;Lock now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="168" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="172" />
            <source>&amp;Go to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="261" />
            <source>Client profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="325" />
            <source>Locked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::MetricTile</name>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="91" />
            <source>= unchanged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="72" />
            <source>Click to show the clients or appointments behind this figure.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="89" />
            <source>no previous figure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="102" />
            <source>▲ %1 · better</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="102" />
            <source>▲ %1 · worse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="103" />
            <source>▼ %1 · better</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="103" />
            <source>▼ %1 · worse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="118" />
            <source>Before: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="119" />
            <source>n = %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/metrictile.cpp" line="121" />
            <source>· low confidence</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::NewAccountFields</name>
        <message>
            <location filename="../ui/common/newaccountfields.cpp" line="22" />
            <source>e.g. Maria Schneider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/newaccountfields.cpp" line="34" />
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/newaccountfields.cpp" line="35" />
            <source>&amp;Full name:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::NewPasswordFields</name>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="40" />
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="41" />
            <source>&amp;Repeat password:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/common/newpasswordfields.cpp" line="76" />
            <source>At least %n characters, hard to guess: not a dictionary word, a simple pattern or the user name. Several unrelated words work well.</source>
            <translation>
                <numerusform>At least %n character, hard to guess: not a dictionary word, a simple pattern or the user name. Several unrelated words work well.</numerusform>
                <numerusform>At least %n characters, hard to guess: not a dictionary word, a simple pattern or the user name. Several unrelated words work well.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="86" />
            <source>Strong enough. Now type it once more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="88" />
            <source>The two passwords are not the same yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/common/newpasswordfields.cpp" line="91" />
            <source>Strong enough, and both are the same.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::NotRebookedPage</name>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="38" />
            <source>&amp;Record recall call…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="39" />
            <source>Boo&amp;k…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="48" />
            <source>Book the selected client's next visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Last visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="51" />
            <source>Rebook after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="52" />
            <source>Last recall call</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/notrebookedpage.cpp" line="66" />
            <source>%n weeks</source>
            <translation>
                <numerusform>%n week</numerusform>
                <numerusform>%n weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/notrebookedpage.cpp" line="123" />
            <source>%n clients to call back</source>
            <translation>
                <numerusform>%n client to call back</numerusform>
                <numerusform>%n clients to call back</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="144" />
            <source>Recall call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="146" />
            <source>How did the call with %1 (%2) go?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="147" />
            <source>no phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="148" />
            <source>Booked a visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="148" />
            <source>Will call back to book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="148" />
            <source>No answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="149" />
            <source>Left a message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="149" />
            <source>Does not want to come back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="152" />
            <source>Record call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="170" />
            <source>%1 is booked again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/notrebookedpage.cpp" line="180" />
            <source>Call with %1 recorded.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::OnboardingDialog</name>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="77" />
            <source>Possibly already a client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="79" />
            <source>&amp;Create anyway: this is a different person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="85" />
            <source>New client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="102" />
            <source>&amp;Save client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="103" />
            <source>Ctrl+S</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="187" />
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="192" />
            <source>e.g. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="199" />
            <source>&amp;First name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="200" />
            <source>&amp;Last name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="201" />
            <source>&amp;Date of birth:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="202" />
            <source>Se&amp;x:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="205" />
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="209" />
            <source>e.g. +49 171 2345678 or 0171 2345678</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="219" />
            <source>&amp;E-mail:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="220" />
            <source>&amp;Phone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="221" />
            <source>Add&amp;ress:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="222" />
            <source>Contact b&amp;y:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="225" />
            <source>How they found us</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="229" />
            <source>Recommended by a client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="230" />
            <source>Referred by a doctor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="230" />
            <source>Web search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="230" />
            <source>Social media</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="231" />
            <source>Walked past</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="231" />
            <source>Health insurance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="233" />
            <source>What they hope for from us</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="234" />
            <source>Referral so&amp;urce:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="235" />
            <source>Referred by &amp;whom:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="236" />
            <source>Expectati&amp;ons:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="249" />
            <source>Consent (ticked = agreed; unticked is recorded as no)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="254" />
            <source>First appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="312" />
            <source>Not a date; write it like %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="315" />
            <source>The date of birth lies in the future.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="349" />
            <source>The first name is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="353" />
            <source>The last name is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="361" />
            <source>Not an e-mail address (name@example.org).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="364" />
            <source>Not a phone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="368" />
            <source>E-mail is preferred: please give the address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="390" />
            <source>same name and date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="392" />
            <source>same e-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="394" />
            <source>same phone</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/onboardingdialog.cpp" line="403" />
            <source>Possibly already a client (%n)</source>
            <translation>
                <numerusform>Possibly already a client (%n)</numerusform>
                <numerusform>Possibly already a client (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="415" />
            <source>Please correct the marked fields first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="416" />
            <source>This person may be a client already: open them instead, or tick "Create anyway".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/onboardingdialog.cpp" line="430" />
            <source>Nothing was saved: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::PeriodPicker</name>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="39" />
            <source>Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="40" />
            <source>Quarter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="41" />
            <source>Year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="42" />
            <source>From – to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="43" />
            <source>Period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="46" />
            <source>Previous period (Alt+Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="50" />
            <source>Next period (Alt+Right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="52" />
            <source>A day in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="53" />
            <source>First day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="54" />
            <source>Last day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="57" />
            <source>&amp;Period:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="158" />
            <source>The first day must not be after the last.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dashboard/periodpicker.cpp" line="161" />
            <source>%1 to %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::PostServiceDialog</name>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="22" />
            <source>Quality follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="24" />
            <source>Feedback request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="26" />
            <source>Thank-you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="28" />
            <source>Community invitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="30" />
            <source>Newsletter invitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="48" />
            <source>After each visit — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="53" />
            <source>Visit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="56" />
            <source>Delta</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="62" />
            <source>Tick a step once it is done. Delta: steps that apply minus steps done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="99" />
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="107" />
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="107" />
            <source>due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="111" />
            <source>n/a (policy)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="115" />
            <source>n/a (no consent)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/postservicedialog.cpp" line="156" />
            <source>Mean delta over %n visits: %1</source>
            <translation>
                <numerusform>Mean delta over %n visit: %1</numerusform>
                <numerusform>Mean delta over %n visits: %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/followup/postservicedialog.cpp" line="158" />
            <source>No completed visits.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ProfileConsents</name>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="27" />
            <source>Re&amp;cord</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Purpose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>By</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="33" />
            <source>Evidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="34" />
            <source>Consent history, newest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="44" />
            <source>agrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="45" />
            <source>declines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="47" />
            <source>Evidence, e.g. asked at the desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="74" />
            <source>agrees, %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="74" />
            <source>declines, %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="77" />
            <source>%1, withdrawn %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profileconsents.cpp" line="104" />
            <source>Recorded: %1 %2 (%3).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ProfileDetails</name>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="50" />
            <source>&amp;Save details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="51" />
            <source>Re&amp;load</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="68" />
            <source>Ctrl+S</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="75" />
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="79" />
            <source>&amp;Born:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="81" />
            <source>&amp;E-mail:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="83" />
            <source>&amp;Phone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="85" />
            <source>Add&amp;ress:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="86" />
            <source>Contact b&amp;y:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="87" />
            <source>E&amp;xpects:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="165" />
            <source>First and last name are needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="167" />
            <source>Not a date of birth; write it like %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="170" />
            <source>Not an e-mail address (name@example.org).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="173" />
            <source>Not a phone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/profiledetails.cpp" line="200" />
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ReceptionWorkspace</name>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="48" />
            <source>Find client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="49" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="50" />
            <source>Invoices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="51" />
            <source>Reminders due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="52" />
            <source>Not rebooked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/receptionworkspace.cpp" line="120" />
            <source>Client profile</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::RemindersPage</name>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="43" />
            <source>&amp;Mark done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="50" />
            <source>Appointments &amp;on:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="54" />
            <source>Record the reminder as given (Ctrl+D)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Preferred channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Reminder consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="58" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="59" />
            <source>Why on this list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="67" />
            <source>Marking this reminder done asks first: only when the client asked for it themselves.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="77" />
            <source>Prefers a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="178" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="118" />
            <source>Ctrl+D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="167" />
            <source>Every appointment on %1 has had its reminder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="180" />
            <source>no – declined %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="182" />
            <source>no – withdrawn %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="184" />
            <source>no – never asked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="194" />
            <source>Appointment tomorrow at %1 with %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="197" />
            <source>Appointment today at %1 with %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="199" />
            <source>Appointment on %1 with %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="214" />
            <source>No consent to reminders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="215" />
            <source>%1 has not agreed to appointment reminders (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="219" />
            <source>Record a reminder only if the client asked for it themselves. Record it as given anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="221" />
            <source>&amp;Record anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="232" />
            <source>No reminder recorded for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/reminderspage.cpp" line="244" />
            <source>%1 reminded.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ResetPasswordDialog</name>
        <message>
            <location filename="../ui/admin/resetpassworddialog.cpp" line="23" />
            <source>&amp;Set password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/resetpassworddialog.cpp" line="27" />
            <source>New password for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/resetpassworddialog.cpp" line="33" />
            <source>Choose a new password for %1 (%2). Tell it to them in person; their old password stops working at once.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ResultDialog</name>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="59" />
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="64" />
            <source>received %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="87" />
            <source>Earlier results of this test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="98" />
            <source>In plain words: what was measured, what it means, what happens next.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="102" />
            <source>&amp;Draft from template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="105" />
            <source>Write the summary from this test's template, with the client's name and values.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="89" />
            <source>Laboratory report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="108" />
            <source>e.g. the laboratory corrected a value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="109" />
            <source>Why does it &amp;change?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="111" />
            <source>&amp;Sign off summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="113" />
            <source>C&amp;hange summary…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="115" />
            <source>The client was told this summary: a change is kept as a new version, with who changed it, when and why.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="117" />
            <source>Sign off as &amp;new version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="119" />
            <source>Keep the version told</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="123" />
            <source>Versions of the summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="131" />
            <source>Summary for the client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="143" />
            <source>Versions signed off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="162" />
            <source>Mark &amp;reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="166" />
            <source>How the client was told</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="170" />
            <source>Mark co&amp;mmunicated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="172" />
            <source>Client's summary (&amp;PDF)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="241" />
            <source>Drafted from the template. Read it, adjust it for this client, then sign it off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="252" />
            <source>This summary was signed off %1. Replace it with a draft from the template? The signed-off version stays kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="255" />
            <source>Replace the summary written here with a draft from the template? What is written here is lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="257" />
            <source>Replace the summary?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="260" />
            <source>Replace with the draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="261" />
            <source>Keep the summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="268" />
            <source>The summary was kept as it was.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="276" />
            <source>Reference range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="277" />
            <source>Flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="325" />
            <source>Version %1 · signed off by %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="327" />
            <source>someone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="330" />
            <source>current</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="332" />
            <source>told to the client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="334" />
            <source>Why it changed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="339" />
            <source>Not signed off yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="361" />
            <source>Summary signed off %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="362" />
            <source>Summary not signed off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="364" />
            <source>reviewed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="366" />
            <source>communicated %1 by %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="383" />
            <source>The client was told version %1. Write the new text and say why it changes: it is kept as version %2, and the earlier one stays readable below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="388" />
            <source>The client was told this summary %1; it cannot be edited. “Change summary…” keeps a change as a new version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="405" />
            <source>Summary signed off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="438" />
            <source>Kept as version %1. The client was told an earlier version: let them know what changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="450" />
            <source>Marked reviewed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="461" />
            <source>Marked communicated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="469" />
            <source>The PDF could not be written to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="472" />
            <source>Saved %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="479" />
            <source>Save the client's summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resultdialog.cpp" line="479" />
            <source>PDF files (*.pdf)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ResultTrendView</name>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="41" />
            <source>Earlier results of this test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="54" />
            <source>told %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="59" />
            <source>discussed in a call %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="61" />
            <source>not yet reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="62" />
            <source>not yet told</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="83" />
            <source>No earlier %1 result for this client.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/followup/resulttrendview.cpp" line="86" />
            <source>%n earlier results of this test, the first on %1.</source>
            <translation>
                <numerusform>%n earlier result of this test, on %1.</numerusform>
                <numerusform>%n earlier results of this test, the first on %1.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="89" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="92" />
            <source>%1
(this result)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="93" />
            <source>Trend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="117" />
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="136" />
            <source>told %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="138" />
            <source>discussed %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/resulttrendview.cpp" line="145" />
            <source>Told / discussed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::SchedulePage</name>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="79" />
            <source>Show &amp;cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="80" />
            <source>&amp;Week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="82" />
            <source>&amp;Book…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="83" />
            <source>&amp;Move…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="84" />
            <source>Check &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="85" />
            <source>Com&amp;plete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="86" />
            <source>&amp;No-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="87" />
            <source>Cancel &amp;appointment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="135" />
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="106" />
            <source>Day or week (Ctrl+Shift+W, Alt+W)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="88" />
            <source>P&amp;rint day…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="89" />
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="108" />
            <source>Whose diary to show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="110" />
            <source>The day's appointments per practitioner, to print or save as PDF (Ctrl+P)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="112" />
            <source>Take back the last no-show, completion or move (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="130" />
            <source>Previous day or week (PgUp, Alt+Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="134" />
            <source>Next day or week (PgDown, Alt+Right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="136" />
            <source>Today (Home, T)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="178" />
            <source>Ctrl+Shift+W</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="264" />
            <source>All practitioners</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/reception/schedulepage.cpp" line="330" />
            <source>%n appointments outside the usual hours (%1–%2); the diary shows %3–%4.</source>
            <translation>
                <numerusform>%n appointment outside the usual hours (%1–%2); the diary shows %3–%4.</numerusform>
                <numerusform>%n appointments outside the usual hours (%1–%2); the diary shows %3–%4.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="403" />
            <source>%1 is no longer marked as a no-show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="408" />
            <source>%1's visit is open again; its draft invoice is voided.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="414" />
            <source>%1 is back at %2 with %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="442" />
            <source>Print the day list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="448" />
            <source>The day list of %1 is printed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="460" />
            <source>Day list %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="477" />
            <source>Booked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="493" />
            <source>Moved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="498" />
            <location filename="../ui/reception/schedulepage.cpp" line="522" />
            <source>Moved %1 to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="536" />
            <source>Cancelled %1's appointment: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="553" />
            <source>%1 marked as a no-show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="562" />
            <source>Checked in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/schedulepage.cpp" line="576" />
            <source>Completed; the invoice is drafted.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::ScheduleView</name>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="56" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="69" />
            <source>Day schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="78" />
            <source>Week schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="501" />
            <source>Cancelled: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="503" />
            <source>Double-booked: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="515" />
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/scheduleview.cpp" line="497" />
            <source>%1–%2 %3
%4 with %5 (%6)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::SignInDialog</name>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="21" />
            <source>&amp;Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="26" />
            <source>Aftercare — Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="27" />
            <source>%1 — Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="29" />
            <source>Aftercare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="31" />
            <source>Sign in with your user name and password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="42" />
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="43" />
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="47" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="76" />
            <source>Please enter your user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/signin/signindialog.cpp" line="104" />
            <source>You can try again now.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/signin/signindialog.cpp" line="111" />
            <source>Too many failed attempts in a row. Please wait %n seconds before trying again.</source>
            <translation>
                <numerusform>Too many failed attempts in a row. Please wait %n second before trying again.</numerusform>
                <numerusform>Too many failed attempts in a row. Please wait %n seconds before trying again.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::SummaryTemplateDialog</name>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="25" />
            <source>abnormal results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="26" />
            <source>normal results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="35" />
            <source>Alex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="36" />
            <source>Alex Example</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="40" />
            <source>Dr. Sample</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="41" />
            <source>Your practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="55" />
            <source>&amp;New template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="56" />
            <source>De&amp;lete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="61" />
            <source>&amp;Insert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="65" />
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="66" />
            <source>Discard changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="70" />
            <source>Summary templates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="105" />
            <source>Templates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="114" />
            <source>&amp;Test:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="115" />
            <source>&amp;For:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="117" />
            <source>Placeholders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="122" />
            <source>Te&amp;xt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="38" />
            <source>the test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="134" />
            <source>Preview with a sample client and values of this test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="201" />
            <source>%1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="241" />
            <source>Last saved by %1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="242" />
            <source>someone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="244" />
            <source>Not changed since the practice was set up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="257" />
            <source>Dear {first_name},



{values}

If you have any questions, call us on {practice_phone}.

{clinician}
{practice}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="261" />
            <source>A new template: name the test, write the text, save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="281" />
            <source>Not a placeholder: %1. Pick one from the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="285" />
            <source>The text is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="287" />
            <source>Name the test this template is for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="322" />
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="335" />
            <source>Template saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="344" />
            <source>Delete template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="345" />
            <source>Delete the template for %1 (%2)? Summaries already written keep their text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/summarytemplatedialog.cpp" line="370" />
            <source>Template for %1 (%2) deleted.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::TimelineModel</name>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="15" />
            <source>In person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="17" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="19" />
            <source>E-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="21" />
            <source>SMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="23" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="46" />
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="119" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="121" />
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="123" />
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="125" />
            <source>How</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="127" />
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/timelinemodel.cpp" line="129" />
            <source>By</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::TodayPage</name>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="54" />
            <source>Appointments today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="55" />
            <source>Clients arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="56" />
            <source>Follow-up tasks due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="57" />
            <source>Follow-up tasks overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="61" />
            <source>Nobody else is expected today.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="64" />
            <source>Nobody is waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="67" />
            <source>Nothing is due for you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="90" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="90" />
            <location filename="../ui/today/todaypage.cpp" line="93" />
            <location filename="../ui/today/todaypage.cpp" line="96" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="90" />
            <location filename="../ui/today/todaypage.cpp" line="93" />
            <source>With</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="93" />
            <source>Since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="96" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="96" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="174" />
            <source>Open today's schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="177" />
            <source>Open the worklist of these tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="178" />
            <source>Open the worklist of the overdue tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="181" />
            <source>Double-click or Enter: show in the schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="182" />
            <source>Double-click or Enter: this client's follow-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="186" />
            <source>Double-click or Enter: open the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="194" />
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="202" />
            <source>Today's figures could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="224" />
            <source>Today's lists could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="234" />
            <source>%1, booked for %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="242" />
            <source>Late: the appointment began at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="245" />
            <source>Checked in, waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="245" />
            <source>Next arrivals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="246" />
            <source>%1 (the first %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="278" />
            <source>Your follow-ups could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="287" />
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/today/todaypage.cpp" line="294" />
            <source>Overdue since %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../ui/today/todaypage.cpp" line="298" />
            <source>Your follow-ups due: %n</source>
            <translation>
                <numerusform>Your follow-ups due: %n</numerusform>
                <numerusform>Your follow-ups due: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>aftercare::ui::UserModel</name>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="94" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="94" />
            <source>Deactivated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="110" />
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="112" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="114" />
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/admin/usermodel.cpp" line="116" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::WelcomePackDialog</name>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="29" />
            <source>Welcome pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="33" />
            <source>&amp;Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="35" />
            <source>&amp;Save as PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="71" />
            <source>The welcome pack could not be written to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="74" />
            <source>Saved to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="75" />
            <source>Saved as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="97" />
            <source>Save welcome pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="98" />
            <source>PDF documents (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="102" />
            <source>Welcome pack %1.pdf</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="112" />
            <source>Welcome pack for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="120" />
            <source>Sent to the printer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/reception/welcomepackdialog.cpp" line="121" />
            <source>Printed and handed over</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::WorklistModel</name>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="82" />
            <location filename="../ui/followup/worklistmodel.cpp" line="99" />
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="88" />
            <source>overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="92" />
            <source>nobody yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="142" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="144" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="146" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="148" />
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="150" />
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="152" />
            <source>Overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="154" />
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/worklistmodel.cpp" line="156" />
            <source>Assignee</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>aftercare::ui::WriteInsteadBox</name>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="14" />
            <source>Write to them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="18" />
            <source>&amp;Call instead…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="18" />
            <source>&amp;Reached another way…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="24" />
            <source>%1 could not be reached by phone: write to them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="25" />
            <source>There is no phone number for %1: write to them instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="34" />
            <source>Email to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="36" />
            <source>Letter (no postal address on file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="37" />
            <source>Letter to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="42" />
            <source>What did you offer them? (required)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="43" />
            <source>What was sent (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="45" />
            <source>&amp;Send by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="46" />
            <source>&amp;Note:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="48" />
            <source>&amp;Mark as sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/followup/writeinsteadbox.cpp" line="51" />
            <source>Log a call: they called in, or a number was found.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <location filename="../app/main.cpp" line="88" />
            <source>Unknown command "%1"; see aftercare --help.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
