#pragma once

#include "demo/demomodel.h"

#include <QString>

#include <vector>

namespace aftercare {

// The stored word of a vocabulary value, as text that lives as long as the program.
template <typename E> const char* sqlWord(E value)
{
    for (const auto& [candidate, word] : Vocabulary<E>::words)
        if (candidate == value)
            return word;
    return "";
}

// How the demo practice's rows read: client names and e-mail addresses, touchpoint kinds and
// outcomes, task resolutions and call notes.
class DemoWording
{
public:
    DemoWording();

    // The practitioners' names: the catalog's, then (for larger practices) composed from the
    // name lists, all different.
    static std::vector<QString> practitionerNames(int count);
    QString lastName(const DemoClientRecord& client) const;
    QString email(const DemoClientRecord& client) const;
    // The TouchpointKind word for a demo touchpoint.
    static const char* touchpointKind(DemoTouch kind);
    QString touchpointOutcome(const DemoTouchpointRecord& touchpoint) const;
    QString taskNote(const DemoTaskRecord& task) const;
    QString callNote(const DemoTaskRecord& task, const DemoCallRecord& call) const;

private:
    std::vector<QString> m_firstAscii; // e-mail spelling of first names, by name code
    std::vector<QString> m_lastAscii;
};

} // namespace aftercare
