#pragma once

#include "demo/demobatch.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace aftercare {

// Hands batches from the thread that builds the demo rows to the thread that owns the
// database connection. Bounded, so that building never runs far ahead of writing.
class DemoBatchQueue
{
public:
    explicit DemoBatchQueue(std::size_t capacity);

    // Waits for room; false when the queue was aborted (the batch is dropped).
    bool push(DemoBatch&& batch);
    // Waits for a batch; nothing once the queue is closed and empty, or aborted.
    std::optional<DemoBatch> pop();
    // No more batches will come.
    void close();
    // Stop both sides: a push or pop fails from now on.
    void abort();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<DemoBatch> m_batches;
    std::size_t m_capacity;
    bool m_closed = false;
    bool m_aborted = false;
};

} // namespace aftercare
