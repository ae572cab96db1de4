#pragma once

#include "demo/demobatch.h"
#include "error.h"

#include <QString>
#include <QStringList>

#include <concepts>
#include <functional>

namespace aftercare {

// Collects the rows of one table into batches of a fixed number of rows and hands each full
// batch to a sink (which executes it, or queues it for the thread that does).
class DemoBatchInsert
{
    Q_DECLARE_TR_FUNCTIONS(DemoBatchInsert)

public:
    using Sink = std::function<Status(DemoBatch&&)>;

    DemoBatchInsert(Sink sink, QString table, QStringList columns, int rowsPerStatement);

    DemoBatchInsert& operator<<(DemoValue value)
    {
        m_batch.values.push_back(std::move(value));
        return *this;
    }
    template <std::integral T> DemoBatchInsert& operator<<(T value)
    {
        if constexpr (std::same_as<T, bool>)
            return *this << DemoValue::boolean(value);
        else
            return *this << DemoValue::integer(qint64(value));
    }
    DemoBatchInsert& operator<<(double value) { return *this << DemoValue::real(value); }
    DemoBatchInsert& operator<<(QString value)
    {
        return *this << DemoValue::string(std::move(value));
    }
    // Text that lives as long as the program (the vocabulary, the catalog).
    DemoBatchInsert& operator<<(const char* words) { return *this << DemoValue::utf8(words); }

    // Ends the current row; hands over the batch when it is full.
    Status endRow();
    // Hands over the rows still waiting.
    Status finish();

private:
    Status handOver();

    Sink m_sink;
    int m_rowsPerStatement;
    DemoBatch m_batch;
};

} // namespace aftercare
