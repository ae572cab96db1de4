#include "demo/demobatchqueue.h"

namespace aftercare {

DemoBatchQueue::DemoBatchQueue(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{}

bool DemoBatchQueue::push(DemoBatch&& batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_aborted || m_batches.size() < m_capacity; });
    if (m_aborted)
        return false;
    m_batches.push_back(std::move(batch));
    m_changed.notify_all();
    return true;
}

std::optional<DemoBatch> DemoBatchQueue::pop()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_aborted || m_closed || !m_batches.empty(); });
    if (m_aborted || m_batches.empty())
        return std::nullopt;
    DemoBatch batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_changed.notify_all();
    return batch;
}

void DemoBatchQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

void DemoBatchQueue::abort()
{
    std::lock_guard lock(m_mutex);
    m_aborted = true;
    m_batches.clear();
    m_changed.notify_all();
}

} // namespace aftercare
