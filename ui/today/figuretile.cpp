#include "today/figuretile.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
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

void FigureTile::setLink(const QString& what)
{
    m_link = !what.isEmpty();
    setToolTip(what);
    setFocusPolicy(m_link ? Qt::StrongFocus : Qt::NoFocus);
    setCursor(m_link ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setProperty("link", m_link);
}

void FigureTile::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_link && event->button() == Qt::LeftButton &&
        rect().contains(event->position().toPoint())) {
        emit activated();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void FigureTile::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    if (m_link && (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space)) {
        emit activated();
        return;
    }
    QFrame::keyPressEvent(event);
}

QString FigureTile::valueText() const
{
    return m_value->text();
}

} // namespace aftercare::ui
