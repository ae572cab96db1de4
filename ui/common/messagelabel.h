#pragma once

#include <QLabel>

namespace aftercare::ui {

// The one place a form tells the user what went wrong (or went well): hidden while there is
// nothing to say, coloured by kind through the stylesheet.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MessageLabel(QWidget* parent = nullptr);

    void showError(const QString& text);
    void showSuccess(const QString& text);
    void showInfo(const QString& text);
    void clearMessage();

private:
    void present(const QString& text, const char* kind);
};

} // namespace aftercare::ui
