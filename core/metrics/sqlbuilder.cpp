#include "metrics/sqlbuilder.h"

namespace aftercare {

SqlBuilder& SqlBuilder::sql(QStringView text)
{
    m_text += text;
    return *this;
}

SqlBuilder& SqlBuilder::bind(const QVariant& value)
{
    m_text += QLatin1Char('?');
    m_values.append(value);
    return *this;
}

SqlBuilder& SqlBuilder::append(const SqlBuilder& other)
{
    m_text += other.m_text;
    m_values += other.m_values;
    return *this;
}

} // namespace aftercare
