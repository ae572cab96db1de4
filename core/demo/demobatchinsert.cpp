#include "demo/demobatchinsert.h"

namespace aftercare {

DemoBatchInsert::DemoBatchInsert(Sink sink, QString table, QStringList columns,
                                 int rowsPerStatement)
    : m_sink(std::move(sink))
    , m_rowsPerStatement(std::max(1, rowsPerStatement))
{
    m_batch.table = std::move(table);
    m_batch.columns = std::move(columns);
    m_batch.values.reserve(std::size_t(m_batch.columns.size()) * std::size_t(m_rowsPerStatement));
}

Status DemoBatchInsert::endRow()
{
    ++m_batch.rows;
    if (m_batch.values.size() != std::size_t(m_batch.rows) * std::size_t(m_batch.columns.size()))
        return fail(Error{ErrorKind::Database, tr("The demo practice could not be written."),
                          QStringLiteral("%1: row %2 has the wrong number of values")
                              .arg(m_batch.table)
                              .arg(m_batch.rows)});
    return m_batch.rows == m_rowsPerStatement ? handOver() : Status();
}

Status DemoBatchInsert::finish()
{
    return m_batch.rows > 0 ? handOver() : Status();
}

Status DemoBatchInsert::handOver()
{
    DemoBatch full;
    full.table = m_batch.table;
    full.columns = m_batch.columns;
    full.values.reserve(m_batch.values.capacity());
    std::swap(full, m_batch);
    return m_sink(std::move(full));
}

} // namespace aftercare
