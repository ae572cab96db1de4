// gui
#include "database/database.h"
#include "database/migrator.h"
#include "signin/practiceopener.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace aftercare;
using namespace aftercare::ui;

namespace {

int mode(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

// Answers a message box that runs its own event loop: once the box named boxName shows,
// notes what it says and presses the button named buttonName.
class Answer : public QObject
{
public:
    Answer(const char* boxName, const char* buttonName)
        : m_box(QLatin1String(boxName))
        , m_button(QLatin1String(buttonName))
    {
        connect(&m_timer, &QTimer::timeout, this, &Answer::look);
        m_timer.start(20);
    }
    bool seen = false;
    QString text;
    QString defaultButton;

private:
    void look()
    {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(widget);
            if (!box || !box->isVisible() || box->objectName() != m_box)
                continue;
            seen = true;
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            defaultButton = box->defaultButton() ? box->defaultButton()->objectName() : QString();
            m_timer.stop();
            if (auto* button = box->findChild<QPushButton*>(m_button))
                button->click();
            return;
        }
    }

    QString m_box;
    QString m_button;
    QTimer m_timer;
};

} // namespace

// The desktop application never makes a practice out of a mistyped path, and tells at each
// start when other accounts can read the practice's files.
class TestGuiPracticeOpener : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_umask = ::umask(022); }
    void cleanupTestCase() { ::umask(m_umask); }
    void missingPracticeIsNotCreated();
    void newPracticeOnlyWhenChosen();
    void firstStartOffersANewPractice();
    void readablePracticeIsReportedAndMadePrivate();
    void readablePracticeMayBeLeftAsItIs();
    void privatePracticeOpensWithoutAWord();

private:
    static QString makePractice(const QTemporaryDir& dir)
    {
        const QString path = dir.filePath(QStringLiteral("practice.db"));
        auto opened = Database::open(DatabaseUrl::sqliteFile(path), Database::IfMissing::Create);
        if (!opened || !Migrator(**opened).migrate())
            return {};
        return path;
    }
    mode_t m_umask = 0;
};

void TestGuiPracticeOpener::missingPracticeIsNotCreated()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("Aftercaer"));
    const QString path = folder + QStringLiteral("/aftercare.db");
    Answer answer("missingPracticeBox", "quitButton");
    int exitCode = -1;
    auto database = PracticeOpener::open(DatabaseUrl::sqliteFile(path),
                                         PracticeOpener::Location::Given, &exitCode);
    QVERIFY(answer.seen);
    QVERIFY(!database);
    QCOMPARE(exitCode, 1);
    QVERIFY2(answer.text.contains(path), qPrintable(answer.text));
    QCOMPARE(answer.defaultButton, QStringLiteral("quitButton")); // Enter does not create
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestGuiPracticeOpener::newPracticeOnlyWhenChosen()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("Branch office"));
    const QString path = folder + QStringLiteral("/aftercare.db");
    Answer answer("missingPracticeBox", "createPracticeButton");
    int exitCode = -1;
    auto database = PracticeOpener::open(DatabaseUrl::sqliteFile(path),
                                         PracticeOpener::Location::Given, &exitCode);
    QVERIFY(answer.seen);
    QVERIFY(database);
    QCOMPARE(exitCode, 0);
    QCOMPARE(Migrator(*database).currentVersion().value(), Migrator(*database).latestVersion());
    QCOMPARE(mode(path), 0600);
    QCOMPARE(mode(folder), 0700);
}

void TestGuiPracticeOpener::firstStartOffersANewPractice()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Aftercare/Aftercare/aftercare.db"));
    Answer answer("missingPracticeBox", "quitButton");
    int exitCode = -1;
    auto database = PracticeOpener::open(DatabaseUrl::sqliteFile(path),
                                         PracticeOpener::Location::Default, &exitCode);
    QVERIFY(answer.seen);
    QVERIFY(!database);
    QCOMPARE(exitCode, 0); // not a failure: the user chose not to start yet
    QVERIFY2(answer.text.contains(path), qPrintable(answer.text));
    QCOMPARE(answer.defaultButton, QStringLiteral("createPracticeButton"));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("Aftercare"))));
}

void TestGuiPracticeOpener::readablePracticeIsReportedAndMadePrivate()
{
    QTemporaryDir dir;
    const QString path = makePractice(dir);
    QVERIFY(!path.isEmpty());
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    Answer answer("exposedPracticeBox", "fixPermissionsButton");
    int exitCode = -1;
    auto database = PracticeOpener::open(DatabaseUrl::sqliteFile(path),
                                         PracticeOpener::Location::Given, &exitCode);
    QVERIFY(database);
    QVERIFY(answer.seen);
    QVERIFY2(answer.text.contains(path), qPrintable(answer.text));
    QCOMPARE(mode(path), 0600);
    // The log files this start opened with the file's old mode are private too.
    QCOMPARE(mode(path + QStringLiteral("-wal")), 0600);
    QCOMPARE(mode(path + QStringLiteral("-shm")), 0600);
}

void TestGuiPracticeOpener::readablePracticeMayBeLeftAsItIs()
{
    QTemporaryDir dir;
    const QString path = makePractice(dir);
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    Answer answer("exposedPracticeBox", "keepPermissionsButton");
    int exitCode = -1;
    auto database = PracticeOpener::open(DatabaseUrl::sqliteFile(path),
                                         PracticeOpener::Location::Given, &exitCode);
    QVERIFY(database);
    QVERIFY(answer.seen);
    QCOMPARE(mode(path), 0640);
}

void TestGuiPracticeOpener::privatePracticeOpensWithoutAWord()
{
    QTemporaryDir dir;
    const QString path = makePractice(dir);
    QCOMPARE(mode(path), 0600);
    Answer exposed("exposedPracticeBox", "keepPermissionsButton");
    Answer missing("missingPracticeBox", "quitButton");
    int exitCode = -1;
    auto database = PracticeOpener::open(DatabaseUrl::sqliteFile(path),
                                         PracticeOpener::Location::Given, &exitCode);
    QVERIFY(database);
    QCOMPARE(exitCode, 0);
    QVERIFY(!exposed.seen);
    QVERIFY(!missing.seen);
}

QTEST_MAIN(TestGuiPracticeOpener)
#include "tst_gui_practiceopener.moc"
