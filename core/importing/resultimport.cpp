#include "importing/resultimport.h"

#include "database/database.h"
#include "importing/importbinding.h"
#include "importing/importcontext.h"
#include "importing/importrow.h"

#include <algorithm>

namespace aftercare {

namespace {

QString resultKey(ClientId client, const QString& test, const QDateTime& receivedAt)
{
    return QString::number(client.value()) + QLatin1Char('|') + test + QLatin1Char('|') +
           receivedAt.toString(Qt::ISODate);
}

QVariant number(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> storedNumber(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

} // namespace

ResultImport::ResultImport(ImportContext& context)
    : m_context(context)
{}

ResultImport::~ResultImport() = default;

Status ResultImport::begin(const CsvTable& table)
{
    m_client = table.column(QStringLiteral("client"));
    m_test = table.column(QStringLiteral("test"));
    m_receivedAt = table.column(QStringLiteral("received_at"));
    m_value = table.column(QStringLiteral("value"));
    m_unit = table.column(QStringLiteral("unit"));
    m_low = table.column(QStringLiteral("reference_low"));
    m_high = table.column(QStringLiteral("reference_high"));
    m_abnormal = table.column(QStringLiteral("abnormal"));
    m_summary = table.column(QStringLiteral("summary"));
    if (auto loaded = m_context.loadClients(); !loaded)
        return loaded;
    return prepareStatements();
}

Status ResultImport::prepareStatements()
{
    auto insertResult = m_context.prepareInsert(QStringLiteral(
        "INSERT INTO test_results (client_id, test_name, received_at, abnormal, summary, status, "
        "created_at) VALUES (?, ?, ?, ?, ?, 'received', ?)"));
    auto insertValue = m_context.prepare(
        QStringLiteral("INSERT INTO result_values (result_id, position, analyte, value_numeric, "
                       "value_text, unit, reference_low, "
                       "reference_high, abnormal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto updateResult = m_context.prepare(
        QStringLiteral("UPDATE test_results SET abnormal = ?, summary = coalesce(?, summary), "
                       "row_version = row_version + 1 WHERE id = ?"));
    auto deleteValues =
        m_context.prepare(QStringLiteral("DELETE FROM result_values WHERE result_id = ?"));
    for (auto* statement : {&insertResult, &insertValue, &updateResult, &deleteValues})
        if (!*statement)
            return fail(statement->error());
    m_insertResult = std::move(*insertResult);
    m_insertValue = std::move(*insertValue);
    m_updateResult = std::move(*updateResult);
    m_deleteValues = std::move(*deleteValues);
    return {};
}

Status ResultImport::row(const CsvRecord& record, qint64 bytePosition)
{
    ImportRow r(record, m_context.zone());
    const QString clientKey = r.required(m_client);
    const QString test = r.required(m_test);
    const auto receivedAt = r.time(m_receivedAt, true);
    ClientId client;
    if (r.ok()) {
        client = m_context.client(clientKey);
        if (!client.isValid())
            r.reject(m_context.unknownClient(clientKey));
    }
    if (!r.ok()) { // without its key the row belongs to no result
        m_context.reject(r.line(), r.reason());
        m_context.rowDone(bytePosition);
        return {};
    }

    const QString key = resultKey(client, test, *receivedAt);
    auto found = m_groupByKey.constFind(key);
    if (found == m_groupByKey.constEnd()) {
        found = m_groupByKey.insert(key, m_groups.size());
        Group group;
        group.client = client;
        group.clientKey = clientKey;
        group.test = test;
        group.receivedAt = *receivedAt;
        m_groups.push_back(std::move(group));
    }
    Group& group = m_groups[*found];

    const QString valueText = r.text(m_value);
    Value value;
    value.unit = r.text(m_unit);
    value.low = r.number(m_low);
    value.high = r.number(m_high);
    const auto abnormal = r.yesNo(m_abnormal);
    const QString summary = r.text(m_summary);
    if (r.ok() && value.low && value.high && *value.low > *value.high)
        r.reject(
            tr("reference_low %1 is above reference_high %2.").arg(*value.low).arg(*value.high));
    if (r.ok() && valueText.isEmpty() && (!value.unit.isEmpty() || value.low || value.high))
        r.reject(tr("value: empty, although a unit or a reference range is given."));
    if (r.ok() && !summary.isEmpty()) {
        if (group.summary.isEmpty()) {
            group.summary = summary;
            group.summaryLine = record.line;
        } else if (group.summary != summary) {
            r.reject(tr("summary: differs from the summary of the same result on line %1.")
                         .arg(group.summaryLine));
        }
    }
    group.lines.push_back(Line{record.line, bytePosition, !r.ok()});
    if (!r.ok()) {
        m_context.reject(r.line(), r.reason());
        if (group.brokenLine == 0)
            group.brokenLine = record.line;
        return {};
    }
    if (valueText.isEmpty()) {
        group.flaggedAbnormal = group.flaggedAbnormal || abnormal.value_or(false);
        return {};
    }
    value.numeric = ImportValues::parseNumber(valueText);
    if (!value.numeric)
        value.text = valueText;
    if (abnormal)
        value.abnormal = abnormal;
    else if (value.numeric && (value.low || value.high))
        value.abnormal = (value.low && *value.numeric < *value.low) ||
                         (value.high && *value.numeric > *value.high);
    group.values.push_back(std::move(value));
    return {};
}

// The stored results this file names, with their values: two queries for the whole file.
Status ResultImport::loadStored()
{
    auto results =
        m_context.database().run(QStringLiteral("SELECT id, client_id, test_name, received_at, "
                                                "abnormal, summary, status FROM test_results"));
    if (!results)
        return fail(results.error());
    QHash<qint64, QString> keyById;
    while (results->next()) {
        const QString key =
            resultKey(ClientId(results->value(1).toLongLong()), results->value(2).toString(),
                      ImportValues::storedTime(results->value(3)));
        if (!m_groupByKey.contains(key))
            continue;
        Stored stored;
        stored.id = ResultId(results->value(0).toLongLong());
        stored.abnormal = results->value(4).toBool();
        stored.summary = results->value(5).toString();
        stored.reviewed = results->value(6).toString() != QLatin1String("received");
        keyById.insert(stored.id.value(), key);
        m_stored.insert(key, std::move(stored));
    }
    if (m_stored.isEmpty())
        return {};
    auto values =
        m_context.database().run(QStringLiteral("SELECT result_id, value_numeric, value_text, "
                                                "unit, reference_low, reference_high, abnormal "
                                                "FROM result_values ORDER BY result_id, position"));
    if (!values)
        return fail(values.error());
    while (values->next()) {
        const auto key = keyById.constFind(values->value(0).toLongLong());
        if (key == keyById.constEnd())
            continue;
        Value value;
        value.numeric = storedNumber(values->value(1));
        value.text = value.numeric ? QString() : values->value(2).toString();
        value.unit = values->value(3).toString();
        value.low = storedNumber(values->value(4));
        value.high = storedNumber(values->value(5));
        if (!values->value(6).isNull())
            value.abnormal = values->value(6).toBool();
        m_stored[*key].values.push_back(std::move(value));
    }
    return {};
}

void ResultImport::rejectGroup(Group& group, const QString& reason)
{
    for (Line& line : group.lines) {
        if (!line.rejected) {
            line.rejected = true;
            m_context.reject(line.line, reason);
        }
    }
}

Status ResultImport::writeValues(ResultId id, const Group& group)
{
    for (std::size_t i = 0; i < group.values.size(); ++i) {
        const Value& v = group.values[i];
        auto done = m_context.change(
            m_insertValue,
            {ImportBinding::id(id), qlonglong(i), group.test, number(v.numeric),
             ImportBinding::text(v.text), ImportBinding::requiredText(v.unit), number(v.low),
             number(v.high),
             v.abnormal ? QVariant(*v.abnormal) : QVariant(QMetaType::fromType<bool>())});
        if (!done)
            return fail(done.error());
    }
    m_context.summary().valuesWritten += qint64(group.values.size());
    return {};
}

Status ResultImport::finish()
{
    if (auto loaded = loadStored(); !loaded)
        return loaded;
    ImportSummary& summary = m_context.summary();
    for (Group& group : m_groups) {
        const QString received = group.receivedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const bool abnormal =
            group.flaggedAbnormal ||
            std::any_of(group.values.cbegin(), group.values.cend(),
                        [](const Value& v) { return v.abnormal.value_or(false); });
        const auto stored =
            m_stored.constFind(resultKey(group.client, group.test, group.receivedAt));
        if (group.brokenLine > 0) {
            rejectGroup(
                group,
                tr("Another row of the same result (line %1) was rejected, so the result %2 of "
                   "client \"%3\" received %4 was not imported.")
                    .arg(group.brokenLine)
                    .arg(group.test, group.clientKey, received));
        } else if (stored != m_stored.constEnd()) {
            const bool same = stored->abnormal == abnormal &&
                              (group.summary.isEmpty() || group.summary == stored->summary) &&
                              stored->values == group.values;
            if (same) {
                ++summary.unchanged;
            } else if (stored->reviewed) {
                rejectGroup(
                    group,
                    tr("The result %1 of client \"%2\" received %3 has been reviewed already; an "
                       "import does not change a reviewed result.")
                        .arg(group.test, group.clientKey, received));
            } else {
                auto updated =
                    m_context.change(m_updateResult, {abnormal, ImportBinding::text(group.summary),
                                                      ImportBinding::id(stored->id)});
                if (!updated)
                    return fail(updated.error());
                if (auto deleted =
                        m_context.change(m_deleteValues, {ImportBinding::id(stored->id)});
                    !deleted)
                    return fail(deleted.error());
                if (auto written = writeValues(stored->id, group); !written)
                    return written;
                ++summary.updated;
            }
        } else {
            auto id = m_context.insertReturningId(m_insertResult,
                                                  {ImportBinding::id(group.client), group.test,
                                                   ImportBinding::time(group.receivedAt), abnormal,
                                                   ImportBinding::requiredText(group.summary),
                                                   ImportBinding::time(m_context.now())});
            if (!id)
                return fail(id.error());
            if (auto written = writeValues(ResultId(*id), group); !written)
                return written;
            ++summary.created;
        }
        for (const Line& line : group.lines)
            m_context.rowDone(line.bytePosition);
    }
    return {};
}

} // namespace aftercare
