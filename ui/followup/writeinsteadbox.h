#pragma once

#include "desk/callservice.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace aftercare::ui {

// Writing to a client instead of calling them: by email (when an address is on file) or by
// letter, with a note of what was sent. The call dialog shows it for a client without a phone
// number and for a letter task; "call instead" brings back the call form for a client reached
// another way.
class WriteInsteadBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit WriteInsteadBox(const CallContext& context, QWidget* parent = nullptr);

    Channel channel() const;
    QString note() const;
    // Offers to log a call instead while the call form is hidden.
    void setCallOffered(bool offered);
    void focusChannel();

signals:
    void sentMarked();
    void callChosen();

private:
    QComboBox* m_channel;
    QLineEdit* m_note;
    QPushButton* m_callInstead;
};

} // namespace aftercare::ui
