// backends: sqlite postgresql
#include "database/database.h"
#include "domain/summarytext.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/resultrepository.h"
#include "repositories/summarytemplaterepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QLocale>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

ResultValue value(const QString& analyte, double number, std::optional<double> low,
                  std::optional<double> high, const QString& unit)
{
    ResultValue v;
    v.analyte = analyte;
    v.numeric = number;
    v.referenceLow = low;
    v.referenceHigh = high;
    v.unit = unit;
    return v;
}

SummaryContext context()
{
    SummaryContext c;
    c.clientFirstName = QStringLiteral("Anna");
    c.clientName = QStringLiteral("Anna Müller");
    c.testName = QStringLiteral("Lipid panel");
    c.receivedAt = QDateTime(QDate(2031, 3, 10), QTime(8, 15));
    c.clinicianName = QStringLiteral("Dr Clara Klinik");
    c.practiceName = QStringLiteral("Praxis am Park");
    c.practicePhone = QStringLiteral("+49 30 123456");
    c.values = {value(QStringLiteral("LDL"), 4.9, std::nullopt, 3.0, QStringLiteral("mmol/L")),
                value(QStringLiteral("HDL"), 1.4, 1.0, std::nullopt, QStringLiteral("mmol/L")),
                value(QStringLiteral("Glucose"), 3.1, 3.9, 5.5, QStringLiteral("mmol/L"))};
    return c;
}

TestResult lipidPanel(ClientId client)
{
    TestResult r;
    r.client = client;
    r.testName = QStringLiteral("Lipid panel");
    r.receivedAt = QDateTime(QDate(2031, 3, 10), QTime(8, 15));
    r.values = {value(QStringLiteral("LDL"), 4.9, std::nullopt, 3.0, QStringLiteral("mmol/L")),
                value(QStringLiteral("HDL"), 1.4, 1.0, std::nullopt, QStringLiteral("mmol/L"))};
    return r;
}

SummaryTemplate templateFor(const QString& test, bool abnormal, const QString& body)
{
    SummaryTemplate t;
    t.testName = test;
    t.abnormal = abnormal;
    t.body = body;
    return t;
}

} // namespace

class TestSummaryTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void rendersPlaceholders_data();
    void rendersPlaceholders();
    void findsUnknownPlaceholders();
    void createsFindsAndUpdates();
    void refusesAStaleEditNamingWho();
    void refusesDuplicatesAndBadTemplates();
    void onlyCliniciansChangeTemplates();
    void draftsTheSummaryOfAResult();
    void saysWhenATestHasNoTemplate();
    void removesWithRowVersion();
};

void TestSummaryTemplates::rendersPlaceholders_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("names") << QStringLiteral("Dear {first_name} ({client_name})")
                           << QStringLiteral("Dear Anna (Anna Müller)");
    QTest::newRow("practice") << QStringLiteral("{clinician}, {practice}, {practice_phone}")
                              << QStringLiteral("Dr Clara Klinik, Praxis am Park, +49 30 123456");
    QTest::newRow("test and date") << QStringLiteral("{test} of {date}")
                                   << QStringLiteral("Lipid panel of Monday, 10 March 2031");
    QTest::newRow("all values")
        << QStringLiteral("{values}")
        << QStringLiteral("LDL: 4.9 mmol/L (normal up to 3), above the normal range\n"
                          "HDL: 1.4 mmol/L (normal from 1), within the normal range\n"
                          "Glucose: 3.1 mmol/L (normal 3.9–5.5), below the normal range");
    QTest::newRow("abnormal values only")
        << QStringLiteral("{abnormal_values}")
        << QStringLiteral("LDL: 4.9 mmol/L (normal up to 3), above the normal range\n"
                          "Glucose: 3.1 mmol/L (normal 3.9–5.5), below the normal range");
    QTest::newRow("unknown and non-placeholders stay")
        << QStringLiteral("{frist_name} {Values} {} {first_name}")
        << QStringLiteral("{frist_name} {Values} {} Anna");
    QTest::newRow("repeated") << QStringLiteral("{first_name}{first_name}")
                              << QStringLiteral("AnnaAnna");
    QTest::newRow("no placeholders")
        << QStringLiteral("Plain text.") << QStringLiteral("Plain text.");
}

void TestSummaryTemplates::rendersPlaceholders()
{
    QFETCH(QString, body);
    QFETCH(QString, expected);
    QCOMPARE(SummaryText::render(body, context()), expected);
}

void TestSummaryTemplates::findsUnknownPlaceholders()
{
    QCOMPARE(SummaryText::unknownPlaceholders(
                 QStringLiteral("{first_name} {frist_name} {valeus} {frist_name} {Values}")),
             QStringList({QStringLiteral("frist_name"), QStringLiteral("valeus")}));
    QVERIFY(SummaryText::unknownPlaceholders(QStringLiteral("{values}{test}")).isEmpty());
    QCOMPARE(SummaryText::placeholders().size(), size_t(9));
}

void TestSummaryTemplates::createsFindsAndUpdates()
{
    AFTERCARE_PRACTICE(db, p);
    SummaryTemplateRepository templates(db);
    auto id = templates.create(
        templateFor(QStringLiteral("Lipid panel"), true, QStringLiteral("Dear {first_name}")),
        p.clinician);
    QVERIFY2(id, why(id).constData());

    auto found = templates.find(QStringLiteral("Lipid panel"), true);
    QVERIFY2(found, why(found).constData());
    QVERIFY(found->has_value());
    SummaryTemplate t = **found;
    QCOMPARE(t.id, *id);
    QCOMPARE(t.body, QStringLiteral("Dear {first_name}"));
    QCOMPARE(t.updatedByName, QStringLiteral("Dr Clara Klinik"));
    QVERIFY(!templates.find(QStringLiteral("Lipid panel"), false)->has_value());

    t.body = QStringLiteral("Hello {first_name}, “quotes”, 'SQL' -- ; and ✓");
    const int before = t.rowVersion;
    QVERIFY2(templates.update(t, p.clinician), "update");
    QCOMPARE(t.rowVersion, before + 1);
    QCOMPARE((*templates.find(QStringLiteral("Lipid panel"), true))->body, t.body);
    QCOMPARE(templates.all()->size(), size_t(1));
}

void TestSummaryTemplates::refusesAStaleEditNamingWho()
{
    AFTERCARE_PRACTICE(db, p);
    SummaryTemplateRepository templates(db);
    QVERIFY(templates.create(templateFor(QStringLiteral("TSH"), false, QStringLiteral("Normal.")),
                             p.clinician));
    SummaryTemplate mine = **templates.find(QStringLiteral("TSH"), false);
    SummaryTemplate theirs = mine;
    theirs.body = QStringLiteral("Their text.");
    QVERIFY(templates.update(theirs, p.clinician));

    mine.body = QStringLiteral("My text.");
    auto stale = templates.update(mine, p.clinician);
    QCOMPARE(errorKind(stale), std::optional(ErrorKind::Conflict));
    QVERIFY2(stale.error().message.contains(QStringLiteral("Dr Clara Klinik")),
             qPrintable(stale.error().message));
    QCOMPARE((*templates.find(QStringLiteral("TSH"), false))->body, QStringLiteral("Their text."));
}

void TestSummaryTemplates::refusesDuplicatesAndBadTemplates()
{
    AFTERCARE_PRACTICE(db, p);
    SummaryTemplateRepository templates(db);
    QVERIFY(templates.create(templateFor(QStringLiteral("TSH"), false, QStringLiteral("A")),
                             p.clinician));
    QCOMPARE(errorKind(templates.create(
                 templateFor(QStringLiteral("TSH"), false, QStringLiteral("B")), p.clinician)),
             std::optional(ErrorKind::Conflict));
    QVERIFY(templates.create(templateFor(QStringLiteral("TSH"), true, QStringLiteral("B")),
                             p.clinician));
    auto unknown = templates.create(
        templateFor(QStringLiteral("Iron"), false, QStringLiteral("Dear {frist_name}")),
        p.clinician);
    QCOMPARE(errorKind(unknown), std::optional(ErrorKind::Validation));
    QVERIFY(unknown.error().message.contains(QStringLiteral("{frist_name}")));
    QCOMPARE(errorKind(templates.create(
                 templateFor(QStringLiteral("Iron"), false, QStringLiteral("   ")), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(templates.create(
                 templateFor(QStringLiteral(" "), false, QStringLiteral("Text")), p.clinician)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(templates.all()->size(), size_t(2));
}

void TestSummaryTemplates::onlyCliniciansChangeTemplates()
{
    AFTERCARE_PRACTICE(db, p);
    SummaryTemplateRepository templates(db);
    for (const Actor& actor : {p.reception, p.manager}) {
        QCOMPARE(errorKind(templates.create(
                     templateFor(QStringLiteral("TSH"), false, QStringLiteral("A")), actor)),
                 std::optional(ErrorKind::Permission));
    }
    QVERIFY(templates.create(templateFor(QStringLiteral("TSH"), false, QStringLiteral("A")),
                             p.clinician));
    SummaryTemplate t = **templates.find(QStringLiteral("TSH"), false);
    t.body = QStringLiteral("B");
    QCOMPARE(errorKind(templates.update(t, p.reception)), std::optional(ErrorKind::Permission));
    QCOMPARE(errorKind(templates.remove(t, p.manager)), std::optional(ErrorKind::Permission));
    QCOMPARE((*templates.find(QStringLiteral("TSH"), false))->body, QStringLiteral("A"));
    // Drafting a client's summary reads clinical content.
    QCOMPARE(errorKind(templates.draftSummary(lipidPanel(p.anna), p.reception)),
             std::optional(ErrorKind::Permission));
}

void TestSummaryTemplates::draftsTheSummaryOfAResult()
{
    AFTERCARE_PRACTICE(db, p);
    PracticeSettingsRepository practice(db);
    QVERIFY(practice.setSetting(PracticeSetting::kName, QStringLiteral("Praxis am Park"), p.admin));
    QVERIFY(practice.setSetting(PracticeSetting::kPhone, QStringLiteral("+49 30 123456"), p.admin));
    SummaryTemplateRepository templates(db);
    QVERIFY(templates.create(templateFor(QStringLiteral("Lipid panel"), false,
                                         QStringLiteral("Good news, {first_name}.")),
                             p.clinician));
    QVERIFY(templates.create(
        templateFor(QStringLiteral("Lipid panel"), true,
                    QStringLiteral("Dear {client_name}, please call {practice} on "
                                   "{practice_phone}.\n{abnormal_values}\n{clinician}")),
        p.clinician));

    ResultRepository results(db);
    auto id = results.create(lipidPanel(p.anna), p.clinician);
    QVERIFY2(id, why(id).constData());
    auto content = results.content(*id, p.clinician);
    QVERIFY2(content, why(content).constData());
    QCOMPARE(content->abnormal, std::optional(true));

    auto draft = templates.draftSummary(*content, p.clinician);
    QVERIFY2(draft, why(draft).constData());
    QCOMPARE(*draft, QStringLiteral("Dear Anna Müller, please call Praxis am Park on +49 30 "
                                    "123456.\nLDL: 4.9 mmol/L (normal up to 3), above the normal "
                                    "range\nDr Clara Klinik"));

    content->abnormal = false;
    QCOMPARE(*templates.draftSummary(*content, p.clinician), QStringLiteral("Good news, Anna."));
}

void TestSummaryTemplates::saysWhenATestHasNoTemplate()
{
    AFTERCARE_PRACTICE(db, p);
    SummaryTemplateRepository templates(db);
    auto draft = templates.draftSummary(lipidPanel(p.anna), p.clinician);
    QCOMPARE(errorKind(draft), std::optional(ErrorKind::NotFound));
    QVERIFY(draft.error().message.contains(QStringLiteral("Lipid panel")));
}

void TestSummaryTemplates::removesWithRowVersion()
{
    AFTERCARE_PRACTICE(db, p);
    SummaryTemplateRepository templates(db);
    QVERIFY(templates.create(templateFor(QStringLiteral("TSH"), false, QStringLiteral("A")),
                             p.clinician));
    SummaryTemplate old = **templates.find(QStringLiteral("TSH"), false);
    SummaryTemplate changed = old;
    changed.body = QStringLiteral("B");
    QVERIFY(templates.update(changed, p.clinician));
    QCOMPARE(errorKind(templates.remove(old, p.clinician)), std::optional(ErrorKind::Conflict));
    QVERIFY(templates.remove(changed, p.clinician));
    QVERIFY(templates.all()->empty());
    QCOMPARE(errorKind(templates.remove(changed, p.clinician)), std::optional(ErrorKind::NotFound));
    auto names = templates.testNames();
    QVERIFY(names);
    QVERIFY(names->isEmpty());
}

QTEST_GUILESS_MAIN(TestSummaryTemplates)
#include "tst_summarytemplates.moc"
