#include "reception/cancelappointmentdialog.h"

#include "common/displayformat.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

CancelAppointmentDialog::CancelAppointmentDialog(const Appointment& appointment, QWidget* parent)
    : QDialog(parent)
    , m_appointment(appointment)
    , m_reasons(new QListWidget(this))
    , m_other(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("cancelReasonDialog"));
    setWindowTitle(tr("Cancel appointment"));
    auto* question = new QLabel(tr("Why is %1's appointment on %2 with %3 cancelled?")
                                    .arg(appointment.clientName, dateTimeText(appointment.startsAt),
                                         appointment.practitionerName),
                                this);
    question->setWordWrap(true);
    m_reasons->setObjectName(QStringLiteral("cancelReasonList"));
    m_reasons->addItems({tr("The client is ill"), tr("The client cannot make it"),
                         tr("The client no longer needs the appointment"),
                         tr("The practitioner is unavailable"), tr("Booked by mistake"),
                         tr("Other: …")});
    m_reasons->setMaximumHeight(m_reasons->sizeHintForRow(0) * (m_reasons->count() + 1));
    question->setBuddy(m_reasons);
    m_other->setObjectName(QStringLiteral("cancelReasonOther"));
    m_other->setPlaceholderText(tr("The reason, in a few words"));
    m_other->setEnabled(false);
    m_hint->setObjectName(QStringLiteral("cancelReasonHint"));
    m_hint->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("cancelReasonButtons"));
    QPushButton* confirm = m_buttons->button(QDialogButtonBox::Ok);
    confirm->setObjectName(QStringLiteral("cancelReasonConfirm"));
    confirm->setText(tr("Cancel &appointment"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep it"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_reasons);
    layout->addWidget(m_other);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    // A reason counts once it is selected: the list's current row alone (set when it takes the
    // focus) chooses nothing.
    connect(m_reasons, &QListWidget::itemSelectionChanged, this, [this] {
        updateState();
        if (otherChosen())
            m_other->setFocus();
    });
    // Enter confirms through the default button, which is off while there is no reason.
    connect(m_reasons, &QListWidget::itemDoubleClicked, this, [this] {
        if (!otherChosen())
            accept();
    });
    connect(m_other, &QLineEdit::textChanged, this, &CancelAppointmentDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CancelAppointmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CancelAppointmentDialog::reject);
    m_reasons->setFocus();
    updateState();
}

bool CancelAppointmentDialog::otherChosen() const
{
    const QList<QListWidgetItem*> chosen = m_reasons->selectedItems();
    return !chosen.isEmpty() && m_reasons->row(chosen.front()) == m_reasons->count() - 1;
}

QString CancelAppointmentDialog::reason() const
{
    const QList<QListWidgetItem*> chosen = m_reasons->selectedItems();
    if (chosen.isEmpty())
        return {};
    if (otherChosen())
        return m_other->text().simplified();
    return chosen.front()->text();
}

void CancelAppointmentDialog::updateState()
{
    m_other->setEnabled(otherChosen());
    const bool ready = !reason().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    if (ready)
        m_hint->clear();
    else
        m_hint->setText(otherChosen() ? tr("Please type the reason.")
                                      : tr("Please choose a reason."));
}

void CancelAppointmentDialog::accept()
{
    if (reason().isEmpty()) {
        updateState();
        (otherChosen() ? static_cast<QWidget*>(m_other) : m_reasons)->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace aftercare::ui
