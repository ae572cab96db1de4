#include "today/figuretile.h"

#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QVBoxLayout>

namespace aftercare::ui {

FigureTile::FigureTile(const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_caption(new QLabel(caption, this))
{
    setObjectName(QStringLiteral("figureTile"));
    m_value->setObjectName(QStringLiteral("figureValue"));
    m_caption->setObjectName(QStringLiteral("figureCaption"));
    m_caption->setWordWrap(true);
    m_value->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    // Tiles of one row share its height, whatever the length of their captions.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setAccessibleName(caption);
}

void FigureTile::setValue(qint64 value)
{
    m_value->setText(QLocale().toString(value));
    setAccessibleDescription(m_value->text());
}

void FigureTile::setUnavailable()
{
    m_value->setText(QStringLiteral("–"));
    setAccessibleDescription(tr("not available"));
}

void FigureTile::setAttention(bool attention)
{
    if (property("attention").toBool() == attention)
        return;
    setProperty("attention", attention);
    // The value's colour hangs on this property in the stylesheet: polish again.
    for (QWidget* w : {static_cast<QWidget*>(this), static_cast<QWidget*>(m_value)}) {
        w->style()->unpolish(w);
        w->style()->polish(w);
    }
}

QString FigureTile::valueText() const
{
    return m_value->text();
}

} // namespace aftercare::ui
