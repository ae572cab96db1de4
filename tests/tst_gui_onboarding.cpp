// backends: sqlite postgresql
// gui
#include "database/database.h"
#include "discardquestion.h"
#include "domain/touchpoint.h"
#include "reception/clientfinder.h"
#include "reception/clientmatchmodel.h"
#include "reception/clientpanel.h"
#include "reception/clientprofile.h"
#include "reception/onboardingdialog.h"
#include "reception/receptionworkspace.h"
#include "reception/timelinemodel.h"
#include "reception/welcomepackdialog.h"
#include "reception/welcomepackpdf.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

QDateTime tomorrowAt(int hour)
{
    return QDateTime(QDate::currentDate().addDays(1), QTime(hour, 0));
}

template <typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// QTest::keyClicks() knows ASCII only; other letters go in as key events with their text.
void typeInto(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void type(QObject* parent, const char* name, const QString& text)
{
    auto* field = child<QLineEdit>(parent, name);
    QVERIFY2(field, name);
    field->clear();
    typeInto(field, text);
}

// The form filled in for Lena, valid apart from anything a test changes afterwards.
void fillLena(OnboardingDialog* dialog)
{
    type(dialog, "onboardingFirstName", QStringLiteral("Lena"));
    type(dialog, "onboardingLastName", QStringLiteral("Schröder"));
    type(dialog, "onboardingBirthDate", QStringLiteral("17.05.1990"));
    type(dialog, "onboardingEmail", QStringLiteral("lena@example.org"));
    type(dialog, "onboardingPhone", QStringLiteral("+49 171 5550123"));
    child<QDateTimeEdit>(dialog, "onboardingStart")->setDateTime(tomorrowAt(10));
}

QPushButton* saveButton(QObject* dialog)
{
    return child<QPushButton>(dialog, "onboardingSave");
}

} // namespace

class TestGuiOnboarding : public QObject
{
    Q_OBJECT

private slots:
    void onboardFromTheFinderThenFindAndProfile();
    void keyboardOnly();
    void duplicateIsFlaggedBeforeSaving();
    void invalidEmailKeepsSaveDisabled_data();
    void invalidEmailKeepsSaveDisabled();
    void overlappingFirstBookingIsShownAndNothingIsLost();
    void failedSaveKeepsEverythingTyped();
    void staleProfileEditIsRefused();
    void consentChangeIsAppendedToTheHistory();
    void timelineIsLazyAndNewestFirst();
    void welcomePackPdfSaysWhatTheClientNeeds();
};

void TestGuiOnboarding::onboardFromTheFinderThenFindAndProfile()
{
    AFTERCARE_PRACTICE(db, p);
    ReceptionWorkspace workspace(db, p.reception);
    workspace.resize(1280, 800);
    workspace.show();

    // Nobody matches: Enter in the finder starts the form with the name typed.
    auto* search = child<QLineEdit>(&workspace, "clientSearchEdit");
    typeInto(search, QStringLiteral("Lena Schröder"));
    workspace.finder()->searchNow();
    QCOMPARE(workspace.finder()->model()->rowCount(), 0);
    QVERIFY(child<QPushButton>(&workspace, "newClientButton")->isVisible());
    QTest::keyClick(search, Qt::Key_Return);
    auto* dialog = child<OnboardingDialog>(&workspace, "onboardingDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, "onboardingFirstName")->text(), QStringLiteral("Lena"));
    QCOMPARE(child<QLineEdit>(dialog, "onboardingLastName")->text(), QStringLiteral("Schröder"));
    // A name is enough to register a client: the preferred channel is questioned only when
    // another way to reach them is given (prefersMissingEmail, the client repository's rule).
    QVERIFY(saveButton(dialog)->isEnabled());
    type(dialog, "onboardingPhone", QStringLiteral("0761 1234567"));
    QTRY_VERIFY(!saveButton(dialog)->isEnabled());

    fillLena(dialog);
    child<QCheckBox>(dialog, "consent_reminders")->setChecked(true);
    QTRY_VERIFY(saveButton(dialog)->isEnabled());
    QVERIFY(!child<QGroupBox>(dialog, "onboardingDuplicateBox")->isVisible());
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);

    // The welcome pack is offered for the booked appointment.
    WelcomePackDialog* pack = nullptr;
    QTRY_VERIFY((pack = child<WelcomePackDialog>(&workspace, "welcomePackDialog")));
    QVERIFY(pack->isReady());
    QTemporaryDir dir;
    QVERIFY(pack->saveTo(dir.filePath(QStringLiteral("welcome.pdf"))));
    pack->close();

    // Her profile is open.
    ClientProfile* profile = workspace.profilePage();
    QVERIFY(profile->isVisible());
    QCOMPARE(child<QLabel>(profile, "profileName")->text(), QStringLiteral("Lena Schröder"));

    // The finder finds her now.
    workspace.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&workspace));
    workspace.focusClientSearch();
    search->clear();
    typeInto(search, QStringLiteral("Schröder"));
    workspace.finder()->searchNow();
    QCOMPARE(workspace.finder()->model()->rowCount(), 1);
    const ClientId lena = workspace.finder()->model()->clientAt(0);
    QVERIFY(lena.isValid());
    // Enter opens her details beside the list; Ctrl+O there opens her full profile.
    workspace.profilePage()->showClient(p.ben);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(workspace.clientPanel()->client(), lena);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::ControlModifier);
    QVERIFY(workspace.profilePage()->isVisible());

    // Her profile shows the onboarding and the booking.
    QCOMPARE(profile->client(), lena);
    QAbstractItemModelTester tester(profile->timeline(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList kinds;
    for (int row = 0; row < profile->timeline()->rowCount(); ++row)
        kinds << profile->timeline()->touchpoint(row).kind;
    kinds.sort();
    // The pack saved above counts as handed over.
    QCOMPARE(kinds, (QStringList{TouchpointKind::kBooking, TouchpointKind::kOnboarding,
                                 TouchpointKind::kWelcomePack}));
    auto consents = ClientRepository(db).consents(lena);
    QVERIFY(consents);
    QCOMPARE(consents->size(), allOf<ConsentPurpose>().size());
    QCOMPARE(ClientRepository(db)
                 .hasConsent(lena, ConsentPurpose::Reminders, ConsentChannel::Email)
                 .value_or(false),
             true);
}

void TestGuiOnboarding::keyboardOnly()
{
    AFTERCARE_PRACTICE(db, p);
    ReceptionWorkspace workspace(db, p.reception);
    workspace.resize(1280, 800);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowActive(&workspace));
    workspace.focusClientSearch();
    // Ctrl+N opens the form with the first name ready for typing.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
    OnboardingDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = child<OnboardingDialog>(&workspace, "onboardingDialog")));
    QTRY_VERIFY(dialog->isActiveWindow());
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("onboardingFirstName"));
    // Tab walks the form top to bottom, left column first.
    const QStringList expected{
        "onboardingLastName",     "onboardingBirthDate",      "onboardingSex",
        "onboardingEmail",        "onboardingPhone",          "onboardingAddress",
        "onboardingChannel",      "onboardingReferralSource", "onboardingReferrerSearch",
        "onboardingExpectations", "consent_reminders"};
    for (const QString& name : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), name);
    }
    // The referrer is picked from the clients by keyboard too.
    auto* referrer = child<QLineEdit>(dialog, "onboardingReferrerSearch");
    referrer->setFocus();
    typeInto(referrer, QStringLiteral("Okafor"));
    QTest::keyClick(referrer, Qt::Key_Return);
    QVERIFY(child<QLabel>(dialog, "onboardingReferrerChosen")
                ->text()
                .contains(QStringLiteral("Ben Okafor")));
    // A referrer was chosen: Escape asks before throwing it away.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(answerDiscardQuestion(dialog, true));
    QTRY_VERIFY(!dialog->isVisible());
}

void TestGuiOnboarding::duplicateIsFlaggedBeforeSaving()
{
    AFTERCARE_PRACTICE(db, p);
    OnboardingDialog dialog(db, p.reception);
    dialog.show();
    fillLena(&dialog);
    // Anna's address: someone typing her e-mail is probably Anna.
    type(&dialog, "onboardingEmail", QStringLiteral("ANNA@example.org"));
    auto* box = child<QGroupBox>(&dialog, "onboardingDuplicateBox");
    QTRY_VERIFY(box->isVisible());
    auto* list = child<QListWidget>(&dialog, "onboardingDuplicates");
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Anna Müller")));
    QCOMPARE(list->item(0)->data(Qt::UserRole).toLongLong(), p.anna.value());
    QVERIFY(!saveButton(&dialog)->isEnabled());
    child<QCheckBox>(&dialog, "onboardingCreateAnyway")->setChecked(true);
    QVERIFY(saveButton(&dialog)->isEnabled());
}

void TestGuiOnboarding::invalidEmailKeepsSaveDisabled_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");
    QTest::newRow("e-mail") << "onboardingEmail"
                            << "lena@"
                            << "lena@example.org";
    QTest::newRow("e-mail without dot") << "onboardingEmail"
                                        << "lena at example"
                                        << "lena@example.org";
    QTest::newRow("phone") << "onboardingPhone"
                           << "call me"
                           << "0171 5550123";
    QTest::newRow("birth in the future")
        << "onboardingBirthDate" << QDate::currentDate().addDays(3).toString(u"dd.MM.yyyy")
        << "17.05.1990";
    QTest::newRow("no such date") << "onboardingBirthDate"
                                  << "31.02.1990"
                                  << "28.02.1990";
}

void TestGuiOnboarding::invalidEmailKeepsSaveDisabled()
{
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    AFTERCARE_PRACTICE(db, p);
    OnboardingDialog dialog(db, p.reception);
    dialog.show();
    fillLena(&dialog);
    QTRY_VERIFY(saveButton(&dialog)->isEnabled());
    const QByteArray name = field.toLatin1();
    type(&dialog, name.constData(), bad);
    QVERIFY(!saveButton(&dialog)->isEnabled());
    // The reason is next to the field.
    auto* error = child<QLabel>(&dialog, (field + QStringLiteral("Error")).toLatin1().constData());
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    type(&dialog, name.constData(), good);
    QVERIFY(!error->isVisible());
    QTRY_VERIFY(saveButton(&dialog)->isEnabled());
}

void TestGuiOnboarding::overlappingFirstBookingIsShownAndNothingIsLost()
{
    AFTERCARE_PRACTICE(db, p);
    Appointment taken;
    taken.client = p.ben;
    taken.practitioner = p.weber;
    taken.serviceType = p.consultation;
    taken.startsAt = tomorrowAt(10);
    QVERIFY(AppointmentRepository(db).book(taken, p.reception));
    OnboardingDialog dialog(db, p.reception);
    dialog.show();
    fillLena(&dialog);
    auto* practitioner = child<QComboBox>(&dialog, "onboardingPractitioner");
    practitioner->setCurrentIndex(practitioner->findText(QStringLiteral("Dr Weber")));
    auto* conflict = child<QLabel>(&dialog, "onboardingConflict");
    QVERIFY(conflict->isVisible());
    QVERIFY(conflict->text().contains(QStringLiteral("Ben Okafor")));
    QTRY_VERIFY(!saveButton(&dialog)->isEnabled());
    // A deliberate double-booking with a reason is accepted.
    child<QCheckBox>(&dialog, "onboardingDoubleBook")->setChecked(true);
    QVERIFY(!saveButton(&dialog)->isEnabled());
    type(&dialog, "onboardingDoubleBookReason", QStringLiteral("Short question only"));
    QTRY_VERIFY(saveButton(&dialog)->isEnabled());
    QCOMPARE(child<QLineEdit>(&dialog, "onboardingEmail")->text(),
             QStringLiteral("lena@example.org"));
}

void TestGuiOnboarding::failedSaveKeepsEverythingTyped()
{
    AFTERCARE_PRACTICE(db, p);
    OnboardingDialog dialog(db, p.reception);
    dialog.show();
    fillLena(&dialog);
    auto* practitioner = child<QComboBox>(&dialog, "onboardingPractitioner");
    practitioner->setCurrentIndex(practitioner->findText(QStringLiteral("Dr Weber")));
    QTRY_VERIFY(saveButton(&dialog)->isEnabled());
    // Another desk takes the slot after the form checked it.
    Appointment taken;
    taken.client = p.ben;
    taken.practitioner = p.weber;
    taken.serviceType = p.consultation;
    taken.startsAt = tomorrowAt(10);
    QVERIFY(AppointmentRepository(db).book(taken, p.reception));
    const qint64 clientsBefore =
        db.scalar(QStringLiteral("SELECT count(*) FROM clients"))->toLongLong();

    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    auto* message = child<QLabel>(&dialog, "onboardingMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Ben Okafor")), qPrintable(message->text()));
    QVERIFY(child<QCheckBox>(&dialog, "onboardingDoubleBook")->isVisible());
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM clients"))->toLongLong(),
             clientsBefore);
    QCOMPARE(child<QLineEdit>(&dialog, "onboardingLastName")->text(), QStringLiteral("Schröder"));
    QCOMPARE(child<QLineEdit>(&dialog, "onboardingEmail")->text(),
             QStringLiteral("lena@example.org"));
    QCOMPARE(child<QDateTimeEdit>(&dialog, "onboardingStart")->dateTime(), tomorrowAt(10));
}

void TestGuiOnboarding::staleProfileEditIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    ClientProfile profile(db, p.reception);
    profile.resize(1280, 760);
    profile.show();
    QVERIFY(profile.showClient(p.anna));
    auto* save = child<QPushButton>(&profile, "profileSave");
    QVERIFY(!save->isEnabled()); // nothing changed yet

    // Meanwhile the manager's desk changes Anna's phone number.
    Client elsewhere = ClientRepository(db).get(p.anna).value();
    elsewhere.phone = PhoneNumber::parse(QStringLiteral("+49 30 111111"));
    QVERIFY(ClientRepository(db).update(elsewhere, p.manager));

    type(&profile, "profilePhone", QStringLiteral("+49 30 222222"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    auto* message = child<QLabel>(&profile, "profileMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Mia Manager")), qPrintable(message->text()));
    // Nothing was overwritten, and what was typed is still there.
    QCOMPARE(ClientRepository(db).get(p.anna)->phone->value(), QStringLiteral("+4930111111"));
    QCOMPARE(child<QLineEdit>(&profile, "profilePhone")->text(), QStringLiteral("+49 30 222222"));

    // Invalid input keeps Save off with the reason next to the field.
    type(&profile, "profileEmail", QStringLiteral("anna@"));
    QVERIFY(!save->isEnabled());
    QVERIFY(child<QLabel>(&profile, "profileEmailError")->isVisible());
}

void TestGuiOnboarding::consentChangeIsAppendedToTheHistory()
{
    AFTERCARE_PRACTICE(db, p);
    Consent first;
    first.client = p.anna;
    first.purpose = ConsentPurpose::Marketing;
    first.granted = false;
    QVERIFY(ClientRepository(db).recordConsent(first, p.manager));
    ClientProfile profile(db, p.reception);
    profile.show();
    QVERIFY(profile.showClient(p.anna));
    auto* history = child<QTreeWidget>(&profile, "profileConsentHistory");
    QCOMPARE(history->topLevelItemCount(), 1);

    // Anna now agrees to the newsletter by e-mail.
    auto* purpose = child<QComboBox>(&profile, "profileConsentPurpose");
    purpose->setCurrentIndex(purpose->findData(int(ConsentPurpose::Marketing)));
    auto* channel = child<QComboBox>(&profile, "profileConsentChannel");
    channel->setCurrentIndex(channel->findData(int(ConsentChannel::Email)));
    auto* decision = child<QComboBox>(&profile, "profileConsentDecision");
    decision->setCurrentIndex(decision->findData(true));
    // An edit of the contact details in progress survives recording the consent.
    type(&profile, "profilePhone", QStringLiteral("+49 30 999999"));
    type(&profile, "profileConsentEvidence", QStringLiteral("asked at the desk"));
    QTest::mouseClick(child<QPushButton>(&profile, "profileConsentRecord"), Qt::LeftButton);

    history = child<QTreeWidget>(&profile, "profileConsentHistory");
    QCOMPARE(history->topLevelItemCount(), 2);
    // Newest first, recorded by the signed-in user; the earlier "no" is still there.
    QVERIFY(history->topLevelItem(0)->text(1).contains(QStringLiteral("agrees")));
    QCOMPARE(history->topLevelItem(0)->text(3), QStringLiteral("Rita Rezeption"));
    QCOMPARE(history->topLevelItem(0)->text(4), QStringLiteral("asked at the desk"));
    QVERIFY(history->topLevelItem(1)->text(1).contains(QStringLiteral("declines")));
    QCOMPARE(history->topLevelItem(1)->text(3), QStringLiteral("Mia Manager"));
    QCOMPARE(ClientRepository(db)
                 .hasConsent(p.anna, ConsentPurpose::Marketing, ConsentChannel::Email)
                 .value_or(false),
             true);
    QCOMPARE(child<QLineEdit>(&profile, "profilePhone")->text(), QStringLiteral("+49 30 999999"));
    QVERIFY(child<QPushButton>(&profile, "profileSave")->isEnabled());
}

void TestGuiOnboarding::timelineIsLazyAndNewestFirst()
{
    AFTERCARE_PRACTICE(db, p);
    constexpr int kTouchpoints = 200;
    const QDateTime start(QDate(2024, 1, 1), QTime(9, 0));
    QVERIFY(db.write([&](TransactionGuard& tx) -> Status {
        for (int i = 0; i < kTouchpoints; ++i) {
            Touchpoint t;
            t.client = p.anna;
            t.occurredAt = start.addDays(i);
            t.kind = TouchpointKind::kReminder;
            t.channel = Channel::Sms;
            t.outcome = QStringLiteral("#%1").arg(i);
            if (auto id = TouchpointRepository(db).record(tx, t, p.reception); !id)
                return fail(id.error());
        }
        return {};
    }));
    QHash<qint64, QString> names{{p.reception.user.value(), QStringLiteral("Rita Rezeption")}};
    TimelineModel standalone(db);
    TimelineModel* model = &standalone;
    model->showClient(p.anna, kTouchpoints, names);
    QCOMPARE(model->rowCount(), TimelineModel::kPageSize);
    QVERIFY(model->canFetchMore({}));
    // The tester fetches a page of its own; every page after that is checked as it comes.
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->canFetchMore({}));
    while (model->canFetchMore({}))
        model->fetchMore({});
    QCOMPARE(model->rowCount(), kTouchpoints);
    QCOMPARE(model->touchpoint(0).outcome, QStringLiteral("#%1").arg(kTouchpoints - 1));
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->touchpoint(row - 1).occurredAt > model->touchpoint(row).occurredAt);
    QCOMPARE(model->data(model->index(0, TimelineModel::ByColumn)).toString(),
             QStringLiteral("Rita Rezeption"));
    // The profile reads the count and the first page, not all of them.
    ClientProfile profile(db, p.reception);
    profile.resize(1280, 760);
    profile.show();
    QVERIFY(profile.showClient(p.anna));
    QCOMPARE(profile.timeline()->total(), qint64(kTouchpoints));
    QVERIFY(profile.timeline()->rowCount() < kTouchpoints);
    qInfo("profile with %d touchpoints opened in %lld ms", kTouchpoints, profile.lastLoadMs());
}

void TestGuiOnboarding::welcomePackPdfSaysWhatTheClientNeeds()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is needed to read the PDF back");
    WelcomePack pack;
    pack.clientName = QStringLiteral("Lena Schröder");
    pack.practiceName = QStringLiteral("Praxis am Stadtpark");
    pack.practiceAddress = QStringLiteral("Am Stadtpark 12, 79098 Freiburg");
    pack.practicePhone = QStringLiteral("+49 761 4567890");
    pack.practiceEmail = QStringLiteral("praxis@stadtpark.example");
    pack.openingHours = QStringLiteral("Mon–Fri 08:00–18:00");
    pack.startsAt = QDateTime(QDate(2031, 3, 4), QTime(10, 30));
    pack.durationMinutes = 45;
    pack.practitionerName = QStringLiteral("Dr Weber");
    pack.serviceName = QStringLiteral("Initial consultation");
    pack.preparation = QStringLiteral("Bring your insurance card and a list of your medicines.");
    pack.cancellationPolicy = QStringLiteral("Call us at least 24 hours beforehand.");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pack.pdf"));
    QVERIFY(WelcomePackPdf::write(pack, path));

    QProcess process;
    process.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString text = QString::fromUtf8(process.readAllStandardOutput()).simplified();
    for (const QString& expected :
         {pack.practiceName, pack.practiceAddress, pack.practicePhone, pack.practiceEmail,
          pack.practitionerName, pack.serviceName, pack.preparation, pack.cancellationPolicy,
          QStringLiteral("Welcome, Lena Schröder"), QStringLiteral("45 minutes"),
          QStringLiteral("10:30"), QLocale().toString(pack.startsAt.date(), QLocale::LongFormat),
          QStringLiteral("To cancel or reschedule"), QStringLiteral("What to bring")})
        QVERIFY2(text.contains(expected),
                 qPrintable(expected + QStringLiteral(" missing in: ") + text));
}

QTEST_MAIN(TestGuiOnboarding)
#include "tst_gui_onboarding.moc"
