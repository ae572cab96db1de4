#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "desk/callservice.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class WriteInsteadBox;

// One call on the phone: who to call (name and number large), why, what to tell them (the
// result's plain-language summary or the answer's comment, read through CallService, which
// audits the view), the calls so far and the client's recent contacts; then what came of the
// call and what happens next (done, call again, book, escalate, letter), with an answer to a
// survey question taken in the call. Three unanswered calls propose a letter instead.
//
// Nothing is assumed: no outcome is chosen until the clinician says what came of the call, and
// the next step follows CallService::choices(), so a call that did not reach the client plans
// the next attempt and closing it anyway needs a reason. A client without a phone number, and
// a letter task, are written to (email or letter) rather than called.
class CallDialog : public FormDialog
{
    Q_OBJECT

public:
    CallDialog(Database& database, const Actor& actor, FollowUpTaskId task,
               QWidget* parent = nullptr);

    bool isLoaded() const { return m_context.has_value(); }
    QString loadError() const { return m_loadError; }

signals:
    // The call was logged (or the task handed to a letter); a line saying what happened.
    void callLogged(const QString& summary);
    // The result behind the task was opened in its own dialog.
    void resultDialogOpened(QWidget* dialog);
    // The client's post-service steps were opened in their own dialog.
    void postServiceOpened(QWidget* dialog);
    // The booking dialog was opened to choose the appointment's time.
    void bookingDialogOpened(QWidget* dialog);

private:
    QWidget* buildContext();
    QWidget* buildForm();
    void fillChoices();
    // Opens the reception's booking dialog to choose the appointment's time.
    void chooseBooking();
    void showBookingChoice();
    void outcomeChosen();
    void updateForm();
    void showCallForm(bool shown);
    // The call as the form describes it; nothing while no outcome or next step is chosen.
    std::optional<CallLog> formLog() const;
    // Why the call cannot be logged as it is, or nothing.
    QString problem() const;
    void logCall();
    void markWritten();
    void sendLetter();
    void openResult();
    void openPostService();
    QString describe(const CallLogged& logged, CallNextStep step) const;

    Database& m_database;
    Actor m_actor;
    CallService m_calls;
    std::optional<CallContext> m_context;
    QString m_loadError;

    QWidget* m_callForm = nullptr;
    QFormLayout* m_form = nullptr;
    WriteInsteadBox* m_writing = nullptr;
    QComboBox* m_outcome = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QComboBox* m_nextStep = nullptr;
    QDateTimeEdit* m_callAgainAt = nullptr;
    QGroupBox* m_booking = nullptr;
    QLabel* m_bookingChoice = nullptr;
    // The appointment proposed to the booking dialog, then the one chosen in it (saved with
    // the call, in the same transaction).
    Appointment m_proposal;
    std::optional<Appointment> m_chosenBooking;
    QComboBox* m_escalateTo = nullptr;
    QLabel* m_resolutionLabel = nullptr;
    QLineEdit* m_resolution = nullptr;
    QLabel* m_problem = nullptr;
    QGroupBox* m_feedback = nullptr;
    QComboBox* m_feedbackKind = nullptr;
    QSpinBox* m_feedbackScore = nullptr;
    QLineEdit* m_feedbackComment = nullptr;
    QLabel* m_letterProposal = nullptr;
    QPushButton* m_sendLetter = nullptr;
    QPushButton* m_log = nullptr;
    MessageLabel* m_message = nullptr;
};

} // namespace aftercare::ui
