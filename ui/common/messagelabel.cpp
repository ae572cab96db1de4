#include "common/messagelabel.h"

#include <QDialog>
#include <QStyle>

namespace aftercare::ui {

MessageLabel::MessageLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void MessageLabel::showError(const QString& text)
{
    present(text, "error");
}

void MessageLabel::showSuccess(const QString& text)
{
    present(text, "good");
}

void MessageLabel::showInfo(const QString& text)
{
    present(text, "info");
}

void MessageLabel::clearMessage()
{
    setText(QString());
    setVisible(false);
}

void MessageLabel::present(const QString& text, const char* kind)
{
    setText(text);
    setProperty("messageKind", QString::fromLatin1(kind));
    style()->unpolish(this);
    style()->polish(this);
    setVisible(!text.isEmpty());
    // A dialog sized before the message appeared grows to show it instead of squeezing its
    // fields.
    if (auto* dialog = qobject_cast<QDialog*>(window()); dialog && isVisible()) {
        const int wanted = dialog->sizeHint().height();
        if (dialog->height() < wanted)
            dialog->resize(dialog->width(), wanted);
    }
}

} // namespace aftercare::ui
