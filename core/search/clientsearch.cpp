#include "search/clientsearch.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/vocabulary.h"
#include "search/searchtext.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace aftercare {

namespace {

// One way of matching: an index range scan (or an equality on the date of birth) that yields
// at most `limit` client ids in index order.
struct Branch
{
    QString select;
    QVariantList values;
};

// Prefix match on one of the search keys of migration 3, in the order of that key. The SELECT
// is made only of fixed fragments; the typed text is bound. Ordering each branch by the key it
// stops on keeps the result prefix-stable: asking for more rows only appends, which is what
// lets the finder's model fetch page after page.
Branch prefixBranch(const QString& rankSql, ClientMatch::Field field, const QString& column,
                    const QString& prefix, int limit, const QVariantList& rankValues = {})
{
    Branch b;
    b.select =
        QStringLiteral("SELECT %1 AS match_rank, %2 AS matched_on, %3 AS sort_key, client_id "
                       "FROM client_search WHERE %3 >= ? AND %3 < ? ORDER BY %3 LIMIT ?")
            .arg(rankSql)
            .arg(int(field))
            .arg(column);
    b.values = rankValues;
    b.values << prefix << SearchText::upperBound(prefix) << limit;
    return b;
}

Branch dateOfBirthBranch(const QDate& date, int limit)
{
    return {
        QStringLiteral("SELECT 1 AS match_rank, %1 AS matched_on, s.search_last_first AS sort_key, "
                       "s.client_id FROM clients d JOIN client_search s ON s.client_id = d.id "
                       "WHERE d.date_of_birth = ? ORDER BY s.search_last_first LIMIT ?")
            .arg(int(ClientMatch::Field::DateOfBirth)),
        {SqlTime::toSql(date), limit}};
}

// Client ids rank first when equal to the text and after names otherwise, so "c" does not
// bury the Carlssons under every id that starts with C.
Branch externalIdBranch(const QString& key, int limit)
{
    return prefixBranch(QStringLiteral("CASE WHEN search_external = ? THEN 0 ELSE 4 END"),
                        ClientMatch::Field::ExternalId, QStringLiteral("search_external"), key,
                        limit, {key});
}

std::vector<Branch> branchesFor(const SearchText& text, int limit)
{
    using Field = ClientMatch::Field;
    switch (text.kind) {
    case SearchText::Kind::Name:
        return {prefixBranch(QStringLiteral("1"), Field::Name, QStringLiteral("search_last_first"),
                             text.nameKey, limit),
                prefixBranch(QStringLiteral("2"), Field::Name, QStringLiteral("search_first_last"),
                             text.nameKey, limit),
                prefixBranch(QStringLiteral("3"), Field::Email, QStringLiteral("search_email"),
                             text.lowerKey, limit),
                externalIdBranch(text.lowerKey, limit)};
    case SearchText::Kind::DateOfBirth:
        return {dateOfBirthBranch(text.date, limit)};
    case SearchText::Kind::Phone: {
        // The national number first: "0171 23" finds "+49 171 23..." and the other way
        // round. Too short a national part (a bare country code) would match half the
        // practice; then only the digits as typed are matched.
        std::vector<Branch> branches;
        if (text.nationalDigits.size() >= SearchText::kMinimumDigits)
            branches.push_back(prefixBranch(QStringLiteral("1"), Field::Phone,
                                            QStringLiteral("search_phone_national"),
                                            text.nationalDigits, limit));
        branches.push_back(prefixBranch(QStringLiteral("2"), Field::Phone,
                                        QStringLiteral("search_phone"), text.digits, limit));
        branches.push_back(externalIdBranch(text.lowerKey, limit));
        return branches;
    }
    case SearchText::Kind::Email:
        return {prefixBranch(QStringLiteral("1"), Field::Email, QStringLiteral("search_email"),
                             text.lowerKey, limit)};
    case SearchText::Kind::Empty:
    case SearchText::Kind::PartialDate:
    case SearchText::Kind::InvalidDate:
    case SearchText::Kind::TooShort:
        break;
    }
    return {};
}

} // namespace

ClientSearch::ClientSearch(Database& database)
    : m_database(database)
{}

Result<std::vector<ClientMatch>> ClientSearch::find(const QString& text, int limit) const
{
    return find(SearchText::interpret(text), limit);
}

std::pair<QString, QVariantList> ClientSearch::statement(const SearchText& text, int limit) const
{
    const std::vector<Branch> branches = branchesFor(text, std::clamp(limit, 1, kMaximumLimit));
    if (branches.empty())
        return {};
    QStringList selects;
    QVariantList values;
    for (std::size_t i = 0; i < branches.size(); ++i) {
        // Each branch keeps its own ORDER BY ... LIMIT inside a derived table, which both
        // dialects accept in a UNION ALL and which lets each one stop after `limit` index
        // entries.
        selects << QStringLiteral("SELECT * FROM (%1) AS branch%2").arg(branches[i].select).arg(i);
        values << branches[i].values;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    values << SqlTime::toSql(now.date().startOfDay());

    const QString sql =
        QStringLiteral(
            "SELECT m.match_rank, m.matched_on, c.id, c.external_id, c.first_name, c.last_name, "
            "c.date_of_birth, "
            "c.phone, c.email, c.archived, a.id, a.starts_at, p.name, s.name "
            "FROM (%1) AS m "
            "JOIN clients c ON c.id = m.client_id "
            "LEFT JOIN appointments a ON a.id = ("
            "  SELECT n.id FROM appointments n WHERE n.client_id = c.id "
            "  AND n.status IN %2 AND n.starts_at >= ? "
            "  ORDER BY n.starts_at, n.id LIMIT 1) "
            "LEFT JOIN practitioners p ON p.id = a.practitioner_id "
            "LEFT JOIN service_types s ON s.id = a.service_type_id "
            "ORDER BY m.match_rank, m.sort_key, c.id")
            .arg(selects.join(QStringLiteral(" UNION ALL ")), activeBookingStatusesSql());
    return {sql, values};
}

Result<QSqlQuery*> ClientSearch::statementFor(const QString& sql) const
{
    // A handful of statement shapes serve every keystroke; preparing each once spares the
    // database the parsing and, on PostgreSQL, lets it settle on a plan.
    if (auto found = m_statements.find(sql); found != m_statements.end())
        return &found->second;
    auto prepared = m_database.prepare(sql);
    if (!prepared)
        return fail(prepared.error());
    return &m_statements.emplace(sql, std::move(*prepared)).first->second;
}

Result<std::vector<ClientMatch>> ClientSearch::find(const SearchText& text, int limit) const
{
    limit = std::clamp(limit, 1, kMaximumLimit);
    const auto [sql, values] = statement(text, limit);
    if (sql.isEmpty())
        return std::vector<ClientMatch>{};

    auto query = statementFor(sql);
    if (!query) {
        Error error = query.error();
        error.message = tr("The client search failed.");
        return fail(error);
    }
    QSqlQuery& q = **query;
    if (auto done = m_database.execute(q, values); !done) {
        m_statements.erase(sql); // prepared again next time
        Error error = done.error();
        error.message = tr("The client search failed.");
        return fail(error);
    }
    std::vector<ClientMatch> matches;
    QSet<qint64> seen;
    while (q.next() && int(matches.size()) < limit) {
        const qint64 id = q.value(2).toLongLong();
        if (seen.contains(id))
            continue; // the same client found another way, ranked lower
        seen.insert(id);
        ClientMatch match;
        match.matchedOn = ClientMatch::Field(q.value(1).toInt());
        match.id = ClientId(id);
        match.externalId = q.value(3).toString();
        match.firstName = q.value(4).toString();
        match.lastName = q.value(5).toString();
        match.dateOfBirth = SqlTime::toDate(q.value(6));
        match.phone = q.value(7).toString();
        match.email = q.value(8).toString();
        match.archived = q.value(9).toBool();
        if (!q.value(10).isNull())
            match.next = NextAppointment{AppointmentId(q.value(10).toLongLong()),
                                         SqlTime::toDateTime(q.value(11)), q.value(12).toString(),
                                         q.value(13).toString()};
        matches.push_back(std::move(match));
    }
    q.finish(); // ready for the next keystroke
    return matches;
}

} // namespace aftercare
