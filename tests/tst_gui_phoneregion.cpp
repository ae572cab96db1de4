// backends: sqlite postgresql
// gui
#include "aftercare/practicezone.h"
#include "auth/actor.h"
#include "common/displayformat.h"
#include "desktopcontroller.h"
#include "mainwindow.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/userrepository.h"
#include "testdatabase.h"

#include <QApplication>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse 42");

QWidget* visibleTopLevel(const char* objectName)
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->objectName() == QLatin1String(objectName))
            return w;
    return nullptr;
}

} // namespace

// National numbers ("0761 …") are read as numbers of the practice's country: the country of
// its time zone, else the language's, else none (then they are shown as stored).
class TestGuiPhoneRegion : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        setPhoneRegion(PhoneRegion());
    }
    void practiceCountry_data();
    void practiceCountry();
    void signingInSetsThePracticeCountry();
};

void TestGuiPhoneRegion::practiceCountry_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("region");
    QTest::newRow("Germany") << "Europe/Berlin"
                             << "C"
                             << "DE";
    QTest::newRow("Austria") << "Europe/Vienna"
                             << "de_DE"
                             << "AT";
    QTest::newRow("Switzerland") << "Europe/Zurich"
                                 << "en_GB"
                                 << "CH";
    QTest::newRow("no country, language's") << "UTC"
                                            << "de_AT"
                                            << "AT";
    QTest::newRow("no country at all") << "UTC"
                                       << "C"
                                       << "";
}

void TestGuiPhoneRegion::practiceCountry()
{
    QFETCH(QString, zone);
    QFETCH(QString, locale);
    QFETCH(QString, region);
    AFTERCARE_FRESH_DATABASE(db);
    PracticeSettingsRepository practice(db);
    QVERIFY(practice.setSetting(PracticeSetting::kTimezone, zone, Actor::system()));
    QLocale::setDefault(QLocale(locale));
    const auto found = practicePhoneRegion(practice);
    QVERIFY2(found, qPrintable(found ? QString() : found.error().describe()));
    QCOMPARE(found->code(), region);
}

void TestGuiPhoneRegion::signingInSetsThePracticeCountry()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(PracticeSettingsRepository(db).setSetting(
        PracticeSetting::kTimezone, QStringLiteral("Europe/Vienna"), Actor::system()));
    QVERIFY(UserRepository(db).create(Actor::system(), QStringLiteral("anna"),
                                      QStringLiteral("Anna"), Role::Reception, kPassword));
    // Before anyone signs in, the language's country (none for C).
    QCOMPARE(phoneText(QStringLiteral("015125555")), QStringLiteral("015125555"));
    QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
    QCOMPARE(phoneText(QStringLiteral("0763312345")), QStringLiteral("07633 12345"));

    DesktopController controller(db);
    controller.start();
    QWidget* dialog = visibleTopLevel("signInDialog");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("userNameEdit")),
                     QStringLiteral("anna"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), kPassword);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    QCOMPARE(phoneRegion().code(), QStringLiteral("AT"));
    // Vienna's one-digit area code, where a German reading would have split elsewhere.
    QCOMPARE(phoneText(QStringLiteral("015125555")), QStringLiteral("01 5125555"));
    QCOMPARE(phoneText(QStringLiteral("+49 7633 12345")), QStringLiteral("+49 7633 12345"));
}

QTEST_MAIN(TestGuiPhoneRegion)
#include "tst_gui_phoneregion.moc"
