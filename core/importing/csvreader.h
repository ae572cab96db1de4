#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace aftercare {

// One record of a CSV file: its fields and the physical line on which it starts.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0;
    QString error; // set when the record breaks RFC 4180; fields then holds what was read
};

// Reads RFC 4180 CSV from UTF-8 bytes: quoted fields with commas, doubled quotes and line
// breaks inside, CRLF or LF (or a lone CR) between records, an optional UTF-8 byte order mark.
// A malformed record is returned with an error and reading resumes on the next line, so one
// bad record never hides the others. Line breaks inside quoted fields come back as "\n".
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    explicit CsvReader(QByteArray data);

    // Reads the next record; false once the input is used up. A final line break does not
    // start another record; an empty line is a record with one empty field.
    bool next(CsvRecord& record);

    // Bytes consumed so far, and the input's size (for progress).
    qint64 position() const { return m_position; }
    qint64 size() const { return m_data.size(); }

    // The first physical line holding bytes that are not UTF-8, or 0 when all are.
    static qint64 firstInvalidUtf8Line(QByteArrayView data);

private:
    bool readQuotedField(CsvRecord& record);
    void consumeLineBreak();
    void skipRestOfLine();

    QByteArray m_data;
    QByteArray m_buffer; // a quoted field being unescaped
    qint64 m_position = 0;
    qint64 m_line = 1;
};

} // namespace aftercare
