#pragma once

#include "domain/client.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace aftercare::ui {

// The client's consent, one row per purpose: given or not, on which channel, and what it
// rests on. Every purpose yields a decision (a "no" is recorded too, so nobody asks again
// tomorrow whether it was asked today).
class ConsentFields : public QWidget
{
    Q_OBJECT

public:
    explicit ConsentFields(QWidget* parent = nullptr);

    // One decision per purpose; client and recorder are filled in when saved.
    std::vector<Consent> decisions() const;
    void setChannelSuggestion(ConsentChannel channel);

private:
    struct Row
    {
        ConsentPurpose purpose;
        QCheckBox* granted;
        QComboBox* channel;
    };
    std::vector<Row> m_rows;
    QLineEdit* m_evidence = nullptr;
};

} // namespace aftercare::ui
