#pragma once

#include "error.h"
#include "search/clientmatch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariantList>

#include <map>
#include <utility>
#include <vector>

namespace aftercare {

class Database;
struct SearchText;

// Finds clients as the receptionist types: by name in either order ("Müller, Anna",
// "anna mü"), date of birth, phone digits, e-mail or client id, ignoring case and the common
// diacritics. Every kind of match is an index range scan on the search keys of migration 3,
// so a keystroke costs the same on 500 clients as on 50 000.
class ClientSearch
{
    Q_DECLARE_TR_FUNCTIONS(ClientSearch)

public:
    static constexpr int kMaximumLimit = 500;

    explicit ClientSearch(Database& database);

    // The best matches first: an exact client id, then last names, first names, e-mail
    // addresses and client ids that begin with the text; within each, in the order of the
    // matched key ("Müller, Anna" before "Müller, Ben"; phone matches by number; clients
    // sharing a birthday by name). A larger limit only appends rows. Each client appears
    // once, with their next active booking from today on. limit is clamped to
    // 1..kMaximumLimit.
    Result<std::vector<ClientMatch>> find(const QString& text, int limit) const;
    Result<std::vector<ClientMatch>> find(const SearchText& text, int limit) const;

    // The statement find() runs and its values, for EXPLAIN in tests and benchmarks; empty
    // when the text matches nothing by its shape.
    std::pair<QString, QVariantList> statement(const SearchText& text, int limit) const;

    // "Today" for the next appointment; the current time unless set (tests).
    void setNow(const QDateTime& now) { m_now = now; }

private:
    Result<QSqlQuery*> statementFor(const QString& sql) const;

    Database& m_database;
    QDateTime m_now;
    mutable std::map<QString, QSqlQuery> m_statements; // prepared, by their text
};

} // namespace aftercare
