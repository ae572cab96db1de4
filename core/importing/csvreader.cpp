#include "importing/csvreader.h"

namespace aftercare {

namespace {

constexpr char kQuote = '"';
constexpr char kComma = ',';
constexpr char kCr = '\r';
constexpr char kLf = '\n';

bool isLineBreak(char c)
{
    return c == kCr || c == kLf;
}

} // namespace

CsvReader::CsvReader(QByteArray data)
    : m_data(std::move(data))
{
    if (m_data.startsWith("\xEF\xBB\xBF"))
        m_position = 3;
}

bool CsvReader::next(CsvRecord& record)
{
    record.fields.clear();
    record.error.clear();
    record.line = m_line;
    const qint64 size = m_data.size();
    if (m_position >= size)
        return false;

    const char* data = m_data.constData();
    for (;;) {
        if (m_position < size && data[m_position] == kQuote) {
            if (!readQuotedField(record))
                return true;
        } else {
            const qint64 start = m_position;
            while (m_position < size) {
                const char c = data[m_position];
                if (c == kComma || isLineBreak(c))
                    break;
                if (c == kQuote) {
                    record.error = tr("Line %1, field %2: a quote inside a field that does not "
                                      "start with a quote. Enclose the whole field in quotes and "
                                      "double the quotes inside it.")
                                       .arg(m_line)
                                       .arg(record.fields.size() + 1);
                    skipRestOfLine();
                    return true;
                }
                ++m_position;
            }
            record.fields.append(QString::fromUtf8(data + start, m_position - start));
        }
        if (m_position >= size)
            return true;
        if (data[m_position] == kComma) {
            ++m_position;
            continue;
        }
        if (isLineBreak(data[m_position])) {
            consumeLineBreak();
            return true;
        }
        record.error = tr("Line %1, field %2: text after the closing quote. A quote inside a "
                          "quoted field must be doubled.")
                           .arg(m_line)
                           .arg(record.fields.size());
        skipRestOfLine();
        return true;
    }
}

// Reads "..." starting at the opening quote; false (with record.error set) when the input
// ends before the closing quote.
bool CsvReader::readQuotedField(CsvRecord& record)
{
    const char* data = m_data.constData();
    const qint64 size = m_data.size();
    const qint64 openedOn = m_line;
    m_buffer.clear();
    ++m_position;
    for (;;) {
        const qint64 runStart = m_position;
        while (m_position < size && data[m_position] != kQuote && !isLineBreak(data[m_position]))
            ++m_position;
        m_buffer.append(data + runStart, m_position - runStart);
        if (m_position >= size) {
            record.fields.append(QString::fromUtf8(m_buffer));
            record.error = tr("Line %1, field %2: the quoted field is never closed (a quote is "
                              "missing), so the rest of the file was read as part of it.")
                               .arg(openedOn)
                               .arg(record.fields.size());
            return false;
        }
        const char c = data[m_position];
        if (c == kQuote) {
            if (m_position + 1 < size && data[m_position + 1] == kQuote) {
                m_buffer.append(kQuote);
                m_position += 2;
                continue;
            }
            ++m_position;
            record.fields.append(QString::fromUtf8(m_buffer));
            return true;
        }
        // A line break inside the field: kept as "\n" whatever the file used.
        consumeLineBreak();
        m_buffer.append(kLf);
    }
}

void CsvReader::consumeLineBreak()
{
    if (m_position < m_data.size() && m_data.at(m_position) == kCr)
        ++m_position;
    if (m_position < m_data.size() && m_data.at(m_position) == kLf)
        ++m_position;
    ++m_line;
}

void CsvReader::skipRestOfLine()
{
    while (m_position < m_data.size() && !isLineBreak(m_data.at(m_position)))
        ++m_position;
    if (m_position < m_data.size())
        consumeLineBreak();
}

qint64 CsvReader::firstInvalidUtf8Line(QByteArrayView data)
{
    if (data.isValidUtf8())
        return 0;
    // Rare path: find the culprit line by line (a line break never occurs inside a UTF-8
    // sequence, so splitting on it is safe).
    qint64 line = 1;
    qsizetype start = 0;
    while (start <= data.size()) {
        qsizetype end = data.indexOf(kLf, start);
        if (end < 0)
            end = data.size();
        if (!data.sliced(start, end - start).isValidUtf8())
            return line;
        ++line;
        start = end + 1;
    }
    return line;
}

} // namespace aftercare
