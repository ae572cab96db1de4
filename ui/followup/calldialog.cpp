#include "calldialog.h"

#include "clientidentitylabel.h"
#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "postservicedialog.h"
#include "reception/bookingdialog.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "repositories/userrepository.h"
#include "resultdialog.h"
#include "writeinsteadbox.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

QString nextStepText(CallNextStep step, bool reached = true)
{
    switch (step) {
    case CallNextStep::Done:
        return reached ? CallDialog::tr("Done") : CallDialog::tr("Close without reaching them…");
    case CallNextStep::CallAgain:
        return CallDialog::tr("Call again at…");
    case CallNextStep::Book:
        return CallDialog::tr("Book an appointment");
    case CallNextStep::Escalate:
        return CallDialog::tr("Escalate");
    case CallNextStep::Letter:
        return CallDialog::tr("Write instead (letter or email)");
    }
    return {};
}

std::optional<CallOutcome> chosenOutcome(const QComboBox* combo)
{
    if (combo->currentIndex() < 0)
        return std::nullopt;
    return static_cast<CallOutcome>(combo->currentData().toInt());
}

std::optional<CallNextStep> chosenStep(const QComboBox* combo)
{
    if (combo->currentIndex() < 0)
        return std::nullopt;
    return static_cast<CallNextStep>(combo->currentData().toInt());
}

QString valueText(const ResultValue& value)
{
    QString shown = value.numeric ? QString::number(*value.numeric) : value.text;
    if (!value.unit.isEmpty())
        shown += QLatin1Char(' ') + value.unit;
    if (value.referenceLow || value.referenceHigh)
        shown += QStringLiteral(" (%1–%2)")
                     .arg(value.referenceLow ? QString::number(*value.referenceLow) : QString(),
                          value.referenceHigh ? QString::number(*value.referenceHigh) : QString());
    return value.analyte + QStringLiteral(": ") + shown;
}

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CallDialog::CallDialog(Database& database, const Actor& actor, FollowUpTaskId task, QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_calls(database)
{
    setObjectName(QStringLiteral("callDialog"));
    auto context = m_calls.open(task, actor);
    if (!context) {
        m_loadError = context.error().message;
        return;
    }
    m_context = std::move(*context);
    setWindowTitle(tr("Call %1").arg(m_context->client.displayName()));

    auto* columns = new QHBoxLayout;
    columns->addWidget(buildContext(), 1);
    auto* right = new QVBoxLayout;
    m_writing = new WriteInsteadBox(*m_context, this);
    connect(m_writing, &WriteInsteadBox::sentMarked, this, &CallDialog::markWritten);
    connect(m_writing, &WriteInsteadBox::callChosen, this, [this] { showCallForm(true); });
    right->addWidget(m_writing);
    right->addWidget(buildForm(), 1);
    right->addStretch(); // a written answer alone stays at the top
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    m_message = new MessageLabel(this);
    m_message->setObjectName(QStringLiteral("callMessage"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    m_log = buttons->addButton(tr("Log call"), QDialogButtonBox::AcceptRole);
    m_log->setObjectName(QStringLiteral("logCall"));
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_log, &QPushButton::clicked, this, &CallDialog::logCall);
    fillChoices();
    // Written to rather than called: no phone number, or the calls gave way to a letter.
    const bool write = !m_context->canCall || m_context->task.kind == TaskKind::Letter;
    m_writing->setVisible(write);
    showCallForm(!write);
    updateForm();
    // A booking chosen in the booking dialog is not a field of this form, but is work too.
    setUnsavedChangesCheck([this] { return fieldsChanged() || m_chosenBooking.has_value(); });
    resize(1100, 720);
}

QWidget* CallDialog::buildContext()
{
    const CallContext& c = *m_context;
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* name = new QLabel(c.client.displayName(), box);
    name->setObjectName(QStringLiteral("callClientName"));
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    name->setFont(big);
    auto* phone =
        new QLabel(c.client.phone ? phoneText(*c.client.phone) : tr("no phone number"), box);
    phone->setObjectName(QStringLiteral("callClientPhone"));
    phone->setFont(big);
    phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(name);
    layout->addWidget(new ClientIdentityLabel(c.client, box)); // two clients may share a name
    layout->addWidget(phone);
    auto* prefers = new QHBoxLayout;
    prefers->addWidget(
        new QLabel(tr("Prefers: %1").arg(contactChannelName(c.client.preferredChannel)), box));
    prefers->addStretch();
    auto* steps = new QPushButton(tr("After each visit…"), box);
    steps->setObjectName(QStringLiteral("openPostService"));
    connect(steps, &QPushButton::clicked, this, &CallDialog::openPostService);
    prefers->addWidget(steps);
    layout->addLayout(prefers);

    auto* why = wrapped(
        QStringLiteral("<b>%1</b><br>%2").arg(c.kindText.toHtmlEscaped(), c.reason.toHtmlEscaped()),
        box);
    why->setObjectName(QStringLiteral("callWhy"));
    layout->addWidget(why);

    if (c.result) {
        auto* group = new QGroupBox(tr("What to tell them"), box);
        auto* inner = new QVBoxLayout(group);
        auto* summary = wrapped(
            c.result->summary.isEmpty() ? tr("No summary written yet.") : c.result->summary, group);
        summary->setObjectName(QStringLiteral("callSummary"));
        inner->addWidget(summary);
        for (const ResultValue& value : c.result->values) {
            auto* line = new QLabel(valueText(value), group);
            if (value.abnormal.value_or(value.outsideReferenceRange().value_or(false)))
                line->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold;"));
            inner->addWidget(line);
        }
        auto* open = new QPushButton(tr("Open result…"), group);
        open->setObjectName(QStringLiteral("openResult"));
        inner->addWidget(open, 0, Qt::AlignLeft);
        connect(open, &QPushButton::clicked, this, &CallDialog::openResult);
        layout->addWidget(group);
    }
    if (c.feedback) {
        auto* group = new QGroupBox(tr("Their answer"), box);
        auto* inner = new QVBoxLayout(group);
        const QString scale = c.feedback->kind() == FeedbackKind::Nps ? tr("NPS") : tr("CSAT");
        inner->addWidget(new QLabel(tr("%1 score %2 on %3")
                                        .arg(scale)
                                        .arg(c.feedback->score.value())
                                        .arg(dateText(c.feedback->respondedAt.date())),
                                    group));
        auto* comment =
            wrapped(c.feedback->comment.isEmpty() ? tr("No comment.") : c.feedback->comment, group);
        comment->setObjectName(QStringLiteral("callFeedbackComment"));
        inner->addWidget(comment);
        layout->addWidget(group);
    }

    auto* attempts = new QListWidget(box);
    attempts->setObjectName(QStringLiteral("callAttempts"));
    for (const CallAttempt& a : c.attempts) {
        QString line = appointmentTimeText(a.attemptedAt) + QStringLiteral(" — ") +
                       callOutcomeName(a.outcome) + QStringLiteral(", ") +
                       callNextStepName(a.nextStep);
        if (!a.notes.isEmpty())
            line += QStringLiteral(": ") + a.notes;
        attempts->addItem(line);
    }
    if (c.attempts.empty())
        attempts->addItem(tr("No calls yet."));
    layout->addWidget(new QLabel(tr("Calls so far"), box));
    layout->addWidget(attempts);

    auto* timeline = new QListWidget(box);
    timeline->setObjectName(QStringLiteral("callTimeline"));
    for (const Touchpoint& t : c.timeline) {
        QString line =
            appointmentTimeText(t.occurredAt) + QStringLiteral(" — ") + touchpointKindName(t.kind);
        if (!t.outcome.isEmpty())
            line +=
                QStringLiteral(" (") + touchpointOutcomeText(t.kind, t.outcome) + QLatin1Char(')');
        timeline->addItem(line);
    }
    layout->addWidget(new QLabel(tr("Recent contacts"), box));
    layout->addWidget(timeline, 1);
    return box;
}

void CallDialog::showCallForm(bool shown)
{
    m_callForm->setVisible(shown);
    m_log->setVisible(shown);
    m_writing->setCallOffered(!shown);
    if (shown)
        m_outcome->setFocus();
    else
        m_writing->focusChannel();
}

QWidget* CallDialog::buildForm()
{
    auto* box = new QWidget(this);
    m_callForm = box;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_form = form;

    m_outcome = new QComboBox(box);
    m_outcome->setObjectName(QStringLiteral("callOutcome"));
    for (const CallOutcome o : allOf<CallOutcome>())
        m_outcome->addItem(callOutcomeName(o), int(o));
    // Nothing claims contact before the clinician says so.
    m_outcome->setPlaceholderText(tr("Choose what came of the call"));
    m_outcome->setCurrentIndex(-1);
    form->addRow(tr("&Outcome:"), m_outcome);
    m_notes = new QPlainTextEdit(box);
    m_notes->setObjectName(QStringLiteral("callNotes"));
    m_notes->setMaximumHeight(90);
    form->addRow(tr("Notes:"), m_notes);
    m_nextStep = new QComboBox(box);
    m_nextStep->setObjectName(QStringLiteral("callNextStep"));
    m_nextStep->setPlaceholderText(tr("Choose what happens next"));
    form->addRow(tr("Ne&xt step:"), m_nextStep);
    m_callAgainAt = new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), box);
    m_callAgainAt->setObjectName(QStringLiteral("callAgainAt"));
    m_callAgainAt->setCalendarPopup(true);
    m_callAgainAt->setDisplayFormat(dateTimeEditFormat());
    form->addRow(tr("Call again at:"), m_callAgainAt);
    m_escalateTo = new QComboBox(box);
    m_escalateTo->setObjectName(QStringLiteral("escalateTo"));
    form->addRow(tr("Hand over &to:"), m_escalateTo);
    m_resolution = new QLineEdit(box);
    m_resolution->setObjectName(QStringLiteral("resolutionNote"));
    m_resolutionLabel = new QLabel(tr("&Resolution:"), box);
    m_resolutionLabel->setBuddy(m_resolution);
    form->addRow(m_resolutionLabel, m_resolution);
    layout->addLayout(form);
    m_problem = new QLabel(box);
    m_problem->setObjectName(QStringLiteral("callProblem"));
    m_problem->setWordWrap(true);
    m_problem->setProperty("hint", true);
    layout->addWidget(m_problem);

    m_booking = new QGroupBox(tr("Booking"), box);
    m_booking->setObjectName(QStringLiteral("bookingForm"));
    auto* booking = new QHBoxLayout(m_booking);
    m_bookingChoice = new QLabel(m_booking);
    m_bookingChoice->setObjectName(QStringLiteral("bookingChoice"));
    m_bookingChoice->setWordWrap(true);
    auto* chooseTime = new QPushButton(tr("C&hoose a time…"), m_booking);
    chooseTime->setObjectName(QStringLiteral("chooseBookingTime"));
    booking->addWidget(m_bookingChoice, 1);
    booking->addWidget(chooseTime);
    connect(chooseTime, &QPushButton::clicked, this, &CallDialog::chooseBooking);
    layout->addWidget(m_booking);

    m_feedback = new QGroupBox(tr("Answer to a survey question in the call"), box);
    m_feedback->setObjectName(QStringLiteral("feedbackCapture"));
    m_feedback->setCheckable(true);
    m_feedback->setChecked(false);
    auto* feedback = new QFormLayout(m_feedback);
    m_feedbackKind = new QComboBox(m_feedback);
    m_feedbackKind->setObjectName(QStringLiteral("feedbackKind"));
    m_feedbackKind->addItem(tr("Satisfaction (CSAT 1–5)"), int(FeedbackKind::Csat));
    m_feedbackKind->addItem(tr("Recommendation (NPS 0–10)"), int(FeedbackKind::Nps));
    m_feedbackScore = new QSpinBox(m_feedback);
    m_feedbackScore->setObjectName(QStringLiteral("feedbackScore"));
    m_feedbackComment = new QLineEdit(m_feedback);
    m_feedbackComment->setObjectName(QStringLiteral("feedbackComment"));
    feedback->addRow(tr("Question:"), m_feedbackKind);
    feedback->addRow(tr("Score:"), m_feedbackScore);
    feedback->addRow(tr("Comment:"), m_feedbackComment);
    layout->addWidget(m_feedback);

    m_letterProposal =
        new QLabel(tr("Three calls went unanswered. A letter may reach them better."), box);
    m_letterProposal->setWordWrap(true);
    m_sendLetter = new QPushButton(tr("Send a letter instead"), box);
    m_sendLetter->setObjectName(QStringLiteral("sendLetterInstead"));
    layout->addWidget(m_letterProposal);
    layout->addWidget(m_sendLetter);
    layout->addStretch();

    connect(m_outcome, &QComboBox::currentIndexChanged, this, &CallDialog::outcomeChosen);
    connect(m_nextStep, &QComboBox::currentIndexChanged, this, &CallDialog::updateForm);
    connect(m_feedbackKind, &QComboBox::currentIndexChanged, this, &CallDialog::updateForm);
    connect(m_resolution, &QLineEdit::textChanged, this, &CallDialog::updateForm);
    connect(m_feedback, &QGroupBox::toggled, this, &CallDialog::updateForm);
    connect(m_sendLetter, &QPushButton::clicked, this, &CallDialog::sendLetter);
    return box;
}

void CallDialog::fillChoices()
{
    // The proposal for a booking: with the clinician on the phone, for the service of the
    // visit the call is about, a week ahead.
    m_proposal.client = m_context->client.id;
    m_proposal.startsAt = QDateTime(QDate::currentDate().addDays(7), QTime(9, 0));
    if (auto practitioners = PractitionerRepository(m_database).practitioners()) {
        for (const Practitioner& p : *practitioners) {
            if (p.user == m_actor.user)
                m_proposal.practitioner = p.id;
        }
    }
    if (m_context->visit)
        m_proposal.serviceType = m_context->visit->serviceType;
    showBookingChoice();
    for (const User& u : m_context->handOverTo)
        m_escalateTo->addItem(u.displayName, qlonglong(u.id.value()));
}

void CallDialog::outcomeChosen()
{
    const auto outcome = chosenOutcome(m_outcome);
    if (!outcome)
        return;
    const CallChoices choices =
        CallService::choices(*m_context, *outcome, QDateTime::currentDateTime());
    const bool reached = CallService::reachesClient(*outcome);
    {
        const QSignalBlocker quiet(m_nextStep);
        m_nextStep->clear();
        for (const CallNextStep step : choices.offered)
            m_nextStep->addItem(nextStepText(step, reached), int(step));
        m_nextStep->setCurrentIndex(choices.proposed ? m_nextStep->findData(int(*choices.proposed))
                                                     : -1);
    }
    m_callAgainAt->setDateTime(choices.callAgainAt);
    m_resolutionLabel->setText(reached ? tr("&Resolution:") : tr("&Reason:"));
    m_resolution->setPlaceholderText(reached ? tr("How was it settled?")
                                             : tr("Why is it closed without reaching them?"));
    updateForm();
}

void CallDialog::chooseBooking()
{
    const Appointment proposal = m_chosenBooking.value_or(m_proposal);
    auto* dialog = BookingDialog::forChoosing(m_database, m_actor, proposal,
                                              m_context->client.displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::chosen, this, [this](const Appointment& draft) {
        m_chosenBooking = draft;
        showBookingChoice();
        m_message->clearMessage();
    });
    dialog->open();
    emit bookingDialogOpened(dialog);
}

void CallDialog::showBookingChoice()
{
    if (!m_chosenBooking) {
        m_bookingChoice->setText(tr("No time chosen yet."));
        return;
    }
    const Appointment& b = *m_chosenBooking;
    const auto practitioner = PractitionerRepository(m_database).practitioner(b.practitioner);
    const auto service = ServiceTypeRepository(m_database).serviceType(b.serviceType);
    QString text =
        tr("%1 with %2: %3")
            .arg(appointmentTimeText(b.startsAt), practitioner ? practitioner->name : QString(),
                 service ? service->name : QString());
    if (!b.doubleBookingReason.isEmpty())
        text += QLatin1Char('\n') + tr("Double-booked: %1").arg(b.doubleBookingReason);
    m_bookingChoice->setText(text);
}

void CallDialog::updateForm()
{
    const auto outcome = chosenOutcome(m_outcome);
    const auto step = chosenStep(m_nextStep);
    const bool reached = outcome && CallService::reachesClient(*outcome);
    m_nextStep->setEnabled(outcome.has_value());
    // Only the fields of the chosen step are shown.
    m_form->setRowVisible(m_callAgainAt, step == CallNextStep::CallAgain);
    m_form->setRowVisible(m_escalateTo, step == CallNextStep::Escalate);
    m_form->setRowVisible(m_resolution, step == CallNextStep::Done || step == CallNextStep::Book);
    m_callAgainAt->setEnabled(step == CallNextStep::CallAgain);
    m_escalateTo->setEnabled(step == CallNextStep::Escalate);
    m_resolution->setEnabled(step == CallNextStep::Done || step == CallNextStep::Book);
    m_booking->setVisible(step == CallNextStep::Book);
    if (step == CallNextStep::Book && !m_chosenBooking && m_nextStep->hasFocus())
        chooseBooking();
    m_feedback->setEnabled(reached);
    const auto kind = static_cast<FeedbackKind>(m_feedbackKind->currentData().toInt());
    m_feedbackScore->setRange(FeedbackScore::minimum(kind), FeedbackScore::maximum(kind));
    const bool propose = m_context->proposeLetter && m_callForm->isVisibleTo(this);
    m_letterProposal->setVisible(propose);
    m_sendLetter->setVisible(propose);
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_log->setEnabled(why.isEmpty());
}

std::optional<CallLog> CallDialog::formLog() const
{
    const auto outcome = chosenOutcome(m_outcome);
    const auto step = chosenStep(m_nextStep);
    if (!outcome || !step)
        return std::nullopt;
    CallLog log;
    log.outcome = *outcome;
    log.notes = m_notes->toPlainText().trimmed();
    log.nextStep = *step;
    if (log.nextStep == CallNextStep::CallAgain)
        log.callAgainAt = m_callAgainAt->dateTime();
    if (log.nextStep == CallNextStep::Escalate)
        log.escalateTo = UserId(m_escalateTo->currentData().toLongLong());
    if (log.nextStep == CallNextStep::Done || log.nextStep == CallNextStep::Book)
        log.resolutionNote = m_resolution->text().trimmed();
    if (log.nextStep == CallNextStep::Book)
        log.booking = m_chosenBooking;
    if (m_feedback->isEnabled() && m_feedback->isChecked()) {
        const auto kind = static_cast<FeedbackKind>(m_feedbackKind->currentData().toInt());
        log.feedbackScore = FeedbackScore::parse(kind, m_feedbackScore->value());
        log.feedbackComment = m_feedbackComment->text().trimmed();
    }
    return log;
}

QString CallDialog::problem() const
{
    if (!chosenOutcome(m_outcome))
        return tr("Choose what came of the call.");
    auto log = formLog();
    if (!log)
        return tr("Choose what happens next.");
    // The time of a booking is chosen when the call is logged: not a problem yet.
    if (log->nextStep == CallNextStep::Book && !log->booking)
        log->booking = m_proposal;
    auto checked = CallService::check(m_context->task, *log);
    return checked ? QString() : checked.error().message;
}

void CallDialog::logCall()
{
    auto log = formLog();
    if (!log) {
        m_message->showError(problem());
        return;
    }
    if (log->nextStep == CallNextStep::Book && !log->booking) {
        m_message->showError(tr("Choose a time for the appointment first."));
        chooseBooking();
        return;
    }
    auto logged = m_calls.logCall(m_context->task, *log, m_actor);
    if (!logged) {
        m_message->showError(logged.error().message);
        return;
    }
    emit callLogged(describe(*logged, log->nextStep));
    accept();
}

void CallDialog::markWritten()
{
    const Channel channel = m_writing->channel();
    if (auto written = m_calls.recordWritten(m_context->task, channel, m_writing->note(), m_actor);
        !written) {
        m_message->showError(written.error().message);
        return;
    }
    emit callLogged(channel == Channel::Email
                        ? tr("%1 was written to by email.").arg(m_context->client.displayName())
                        : tr("%1 was written to by letter.").arg(m_context->client.displayName()));
    accept();
}

void CallDialog::sendLetter()
{
    auto letter = m_calls.sendLetterInstead(m_context->task, m_actor);
    if (!letter) {
        m_message->showError(letter.error().message);
        return;
    }
    emit callLogged(
        tr("A letter task replaces the call to %1.").arg(m_context->client.displayName()));
    accept();
}

void CallDialog::openResult()
{
    auto* dialog = new ResultDialog(m_database, m_actor, m_context->result->id,
                                    m_context->client.displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->isLoaded()) {
        m_message->showError(dialog->loadError());
        delete dialog;
        return;
    }
    dialog->open();
    emit resultDialogOpened(dialog);
}

void CallDialog::openPostService()
{
    auto* dialog = new PostServiceDialog(m_database, m_actor, m_context->client.id,
                                         m_context->client.displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->isLoaded()) {
        m_message->showError(dialog->loadError());
        delete dialog;
        return;
    }
    dialog->open();
    emit postServiceOpened(dialog);
}

QString CallDialog::describe(const CallLogged& logged, CallNextStep step) const
{
    QStringList said{tr("Call to %1 logged.").arg(m_context->client.displayName())};
    if (logged.booked.isValid())
        said << tr("Appointment booked.");
    if (logged.recoveryTask.isValid())
        said << tr("A recovery task was opened.");
    if (logged.letterTask.isValid())
        said << tr("A letter task was opened.");
    if (step == CallNextStep::CallAgain)
        said << tr("The task stays open: next attempt %1.")
                    .arg(appointmentTimeText(logged.task.dueAt));
    if (logged.proposeLetter)
        said << tr("Three calls went unanswered: consider a letter.");
    return said.join(QLatin1Char(' '));
}

} // namespace aftercare::ui
