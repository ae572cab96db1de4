#include "repositories/summarytemplaterepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "domain/summarytext.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

QString variantWord(bool abnormal)
{
    return abnormal ? QStringLiteral("abnormal") : QStringLiteral("normal");
}

} // namespace

SummaryTemplateRepository::SummaryTemplateRepository(Database& database)
    : m_database(database)
{}

Result<std::vector<SummaryTemplate>>
SummaryTemplateRepository::list(const QString& where, const QVariantList& values) const
{
    return m_database.collect(
        QStringLiteral("SELECT t.id, t.test_name, t.variant, t.body, t.updated_at, "
                       "u.display_name, t.row_version FROM summary_templates t "
                       "LEFT JOIN users u ON u.id = t.updated_by %1 "
                       "ORDER BY t.test_name, t.variant DESC")
            .arg(where),
        values, [](const QSqlQuery& row) {
            SummaryTemplate t;
            t.id = SummaryTemplateId(row.value(0).toLongLong());
            t.testName = row.value(1).toString();
            t.abnormal = row.value(2).toString() == QLatin1String("abnormal");
            t.body = row.value(3).toString();
            t.updatedAt = SqlTime::toDateTime(row.value(4));
            t.updatedByName = row.value(5).toString();
            t.rowVersion = row.value(6).toInt();
            return t;
        });
}

Result<std::vector<SummaryTemplate>> SummaryTemplateRepository::all() const
{
    return list({}, {});
}

Result<std::optional<SummaryTemplate>> SummaryTemplateRepository::find(const QString& testName,
                                                                       bool abnormal) const
{
    auto found = list(QStringLiteral("WHERE t.test_name = ? AND t.variant = ?"),
                      {testName.trimmed(), variantWord(abnormal)});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return std::optional<SummaryTemplate>();
    return std::optional<SummaryTemplate>(found->front());
}

Result<QStringList> SummaryTemplateRepository::testNames() const
{
    auto query =
        m_database.run(QStringLiteral("SELECT test_name FROM summary_templates UNION "
                                      "SELECT DISTINCT test_name FROM test_results ORDER BY 1"));
    if (!query)
        return fail(query.error());
    QStringList names;
    while (query->next())
        names << query->value(0).toString();
    return names;
}

Result<std::vector<ResultValue>>
SummaryTemplateRepository::referenceValues(const QString& testName) const
{
    return m_database.collect(
        QStringLiteral("SELECT analyte, unit, reference_low, reference_high, "
                       "CASE WHEN value_numeric IS NULL THEN 0 ELSE 1 END FROM result_values "
                       "WHERE result_id = (SELECT id FROM test_results WHERE test_name = ? "
                       "ORDER BY received_at DESC, id DESC LIMIT 1) ORDER BY position"),
        {testName.trimmed()}, [](const QSqlQuery& row) {
            ResultValue v;
            v.analyte = row.value(0).toString();
            v.unit = row.value(1).toString();
            if (!row.value(2).isNull())
                v.referenceLow = row.value(2).toDouble();
            if (!row.value(3).isNull())
                v.referenceHigh = row.value(3).toDouble();
            if (row.value(4).toInt() == 1 && !v.referenceLow && !v.referenceHigh)
                v.numeric = 1; // a number without a range: any number shows how it reads
            return v;
        });
}

Status SummaryTemplateRepository::validate(const SummaryTemplate& t) const
{
    if (t.testName.trimmed().isEmpty())
        return fail(Error::validation(tr("Name the test this template is for.")));
    if (t.body.trimmed().isEmpty())
        return fail(Error::validation(tr("The template is empty; write the summary text.")));
    if (const QStringList unknown = SummaryText::unknownPlaceholders(t.body); !unknown.isEmpty())
        return fail(
            Error::validation(tr("The template uses placeholders that do not exist: %1.")
                                  .arg(QStringLiteral("{") + unknown.join(QStringLiteral("}, {")) +
                                       QStringLiteral("}"))));
    return {};
}

Result<SummaryTemplateId> SummaryTemplateRepository::create(const SummaryTemplate& draft,
                                                            const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::WriteClinicalContent); !allowed)
        return fail(allowed.error());
    if (auto valid = validate(draft); !valid)
        return fail(valid.error());
    return m_database.write([&](TransactionGuard&) -> Result<SummaryTemplateId> {
        auto query = m_database.run(
            QStringLiteral("INSERT INTO summary_templates (test_name, variant, body, updated_by, "
                           "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {draft.testName.trimmed(), variantWord(draft.abnormal), draft.body,
             actor.user.toVariant(), SqlTime::toSql(QDateTime::currentDateTime())});
        if (!query) {
            Error error = query.error();
            if (error.kind == ErrorKind::Conflict)
                error.message =
                    (draft.abnormal ? tr("%1 has a template for abnormal results already.")
                                    : tr("%1 has a template for normal results already."))
                        .arg(draft.testName.trimmed());
            return fail(error);
        }
        if (!query->next())
            return fail(Error{ErrorKind::Database, tr("The new template got no number.")});
        return SummaryTemplateId(query->value(0).toLongLong());
    });
}

Status SummaryTemplateRepository::update(SummaryTemplate& t, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::WriteClinicalContent); !allowed)
        return allowed;
    if (auto valid = validate(t); !valid)
        return valid;
    const QDateTime now = QDateTime::currentDateTime();
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral("UPDATE summary_templates SET body = ?, updated_by = ?, updated_at = ?, "
                           "row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
            {t.body, actor.user.toVariant(), SqlTime::toSql(now), t.id.toVariant(), t.rowVersion});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(StaleEdit::explain(m_database, QStringLiteral("summary_templates"),
                                           t.id.value(), tr("summary template")));
        ++t.rowVersion;
        t.updatedAt = SqlTime::toDateTime(SqlTime::toSql(now));
        return {};
    });
}

Status SummaryTemplateRepository::remove(const SummaryTemplate& t, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::WriteClinicalContent); !allowed)
        return allowed;
    return m_database.write([&](TransactionGuard&) -> Status {
        auto query = m_database.run(
            QStringLiteral("DELETE FROM summary_templates WHERE id = ? AND row_version = ?"),
            {t.id.toVariant(), t.rowVersion});
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(StaleEdit::explain(m_database, QStringLiteral("summary_templates"),
                                           t.id.value(), tr("summary template")));
        return {};
    });
}

Result<QString> SummaryTemplateRepository::draftSummary(const TestResult& result,
                                                        const Actor& actor) const
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    const bool abnormal = result.abnormal.value_or(false);
    auto found = find(result.testName, abnormal);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(Error::notFound(
            (abnormal ? tr("There is no template for abnormal results of %1 yet; write the "
                           "summary yourself or add a template.")
                      : tr("There is no template for normal results of %1 yet; write the "
                           "summary yourself or add a template."))
                .arg(result.testName)));

    SummaryContext context;
    context.testName = result.testName;
    context.receivedAt = result.receivedAt;
    context.values = result.values;
    auto client =
        m_database.run(QStringLiteral("SELECT first_name, last_name FROM clients WHERE id = ?"),
                       {result.client.toVariant()});
    if (!client)
        return fail(client.error());
    if (client->next()) {
        context.clientFirstName = client->value(0).toString();
        context.clientName =
            tr("%1 %2").arg(client->value(0).toString(), client->value(1).toString());
    }
    auto clinician = m_database.scalar(
        QStringLiteral("SELECT display_name FROM users WHERE id = ?"), {actor.user.toVariant()});
    if (!clinician)
        return fail(clinician.error());
    context.clinicianName = clinician->toString();
    const PracticeSettingsRepository practice(m_database);
    auto name = practice.setting(PracticeSetting::kName);
    auto phone = practice.setting(PracticeSetting::kPhone);
    if (!name)
        return fail(name.error());
    if (!phone)
        return fail(phone.error());
    context.practiceName = *name;
    context.practicePhone = *phone;
    return SummaryText::render((*found)->body, context);
}

} // namespace aftercare
