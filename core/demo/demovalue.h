#pragma once

#include "demo/demotime.h"

#include <QString>

#include <cstdint>

namespace aftercare {

// One value of a demo row on its way into the database. Times, days, numbers and the fixed
// words of the vocabulary stay in this compact form until the statement is executed, so
// that millions of them cost no string allocations; only free text is a QString.
struct DemoValue
{
    enum class Kind : std::uint8_t
    {
        Null,
        Integer,
        Boolean,
        Real,
        Text,
        Words,
        Time,
        Date
    };

    Kind kind = Kind::Null;
    qint64 number = 0;           // Integer, Boolean (0/1), Time (a DemoTime), Date (a Julian day)
    double floating = 0;         // Real
    const char* words = nullptr; // Words: UTF-8 text that lives as long as the program
    QString text;                // Text

    static DemoValue null() { return {}; }
    static DemoValue integer(qint64 value) { return {Kind::Integer, value, 0, nullptr, {}}; }
    static DemoValue boolean(bool value) { return {Kind::Boolean, value ? 1 : 0, 0, nullptr, {}}; }
    static DemoValue real(double value) { return {Kind::Real, 0, value, nullptr, {}}; }
    static DemoValue string(QString value) { return {Kind::Text, 0, 0, nullptr, std::move(value)}; }
    static DemoValue utf8(const char* value) { return {Kind::Words, 0, 0, value, {}}; }
    // An id, or NULL for 0.
    static DemoValue id(qint64 value) { return value > 0 ? integer(value) : null(); }
    // A moment, or NULL for 0.
    static DemoValue time(DemoTime value)
    {
        return value ? DemoValue{Kind::Time, value, 0, nullptr, {}} : null();
    }
    // A day, or NULL for 0.
    static DemoValue date(qint64 julianDay)
    {
        return julianDay ? DemoValue{Kind::Date, julianDay, 0, nullptr, {}} : null();
    }
};

} // namespace aftercare
