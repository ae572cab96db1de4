// backends: sqlite postgresql
// gui
// Work is never thrown away: Escape, Cancel, Close and the title bar's close button ask
// before a form with unsaved changes is discarded; a form without changes closes at once.
#include "admin/adduserdialog.h"
#include "admin/resetpassworddialog.h"
#include "aftercare/followupplanner.h"
#include "discardquestion.h"
#include "followup/calldialog.h"
#include "followup/followupworkspace.h"
#include "followup/postservicedialog.h"
#include "followup/resultdialog.h"
#include "followup/summarytemplatedialog.h"
#include "followup/worklistmodel.h"
#include "reception/bookingdialog.h"
#include "reception/onboardingdialog.h"
#include "reception/welcomepackdialog.h"
#include "repositories/userrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace aftercare;
using namespace aftercare::test;
using namespace aftercare::ui;

namespace {

enum class Form
{
    Onboarding,
    Booking,
    AddUser,
    ResetPassword,
    SummaryTemplate,
    Result,
    PostService,
    WelcomePack,
};

const QDateTime kNow = QDateTime::currentDateTime();

// Sends a key as the keyboard does: to the widget with the focus, or the form.
void press(QWidget* form, Qt::Key key)
{
    QWidget* focus = form->focusWidget();
    QTest::keyClick(focus && focus->isVisible() ? focus : form, key);
}

// Types into the form's field of that name, as a user does.
bool typeInto(QWidget* form, const char* name, const QString& text)
{
    auto* field = form->findChild<QWidget*>(QLatin1String(name));
    if (!field)
        return false;
    field->setFocus();
    QTest::keyClicks(field, text);
    return true;
}

// The Cancel or Close button of the form's button box.
QPushButton* cancelButton(QWidget* form)
{
    const auto boxes = form->findChildren<QDialogButtonBox*>();
    for (QDialogButtonBox* box : boxes) {
        if (box->window() != form)
            continue;
        for (QAbstractButton* button : box->buttons()) {
            const auto role = box->buttonRole(button);
            if (role == QDialogButtonBox::RejectRole)
                return qobject_cast<QPushButton*>(button);
        }
    }
    return nullptr;
}

// The check-in call of Anna's consultation five days ago, opened from the worklist.
CallDialog* openCheckin(Database& db, const Practice& p, FollowUpWorkspace& workspace)
{
    if (!givePhone(db, p, p.anna))
        return nullptr;
    if (!addVisit(db, p, p.anna, p.consultation, kNow.addDays(-5)))
        return nullptr;
    QTest::mouseClick(workspace.findChild<QPushButton*>(QStringLiteral("planFollowUps")),
                      Qt::LeftButton);
    const WorklistModel& model = *workspace.model();
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row)->kind != TaskKind::CheckinCall)
            continue;
        QSignalSpy opened(&workspace, &FollowUpWorkspace::callDialogOpened);
        workspace.openTask(row);
        if (opened.count() != 1)
            return nullptr;
        auto* dialog = qobject_cast<CallDialog*>(opened.front().front().value<QWidget*>());
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(Form)

class TestGuiDiscard : public QObject
{
    Q_OBJECT

private slots:
    void escapeOnADirtyCallDialogAsks();
    void aCleanCallDialogClosesAtOnce();
    void choosingATimeLeavesTheCallOpen();
    void everyFormAsksBeforeDiscarding_data();
    void everyFormAsksBeforeDiscarding();
};

void TestGuiDiscard::escapeOnADirtyCallDialogAsks()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpWorkspace workspace(db, p.clinician);
    workspace.show();
    QPointer<CallDialog> dialog = openCheckin(db, p, workspace);
    QVERIFY(dialog);
    QVERIFY(!dialog->hasUnsavedChanges());
    QVERIFY(typeInto(dialog, "callNotes", QStringLiteral("Knee still swollen, she says")));
    QVERIFY(dialog->hasUnsavedChanges());

    // Escape in the notes: the dialog stays open and asks.
    QSignalSpy asked(dialog.data(), &FormDialog::discardQuestionShown);
    press(dialog, Qt::Key_Escape);
    QCOMPARE(asked.count(), 1);
    QVERIFY(dialog->isVisible());
    QMessageBox* question = discardQuestion(dialog);
    QVERIFY(question);
    QCOMPARE(question->text(), FormDialog::tr("Discard your changes?"));
    // Escape again answers "Keep editing": everything typed is still there.
    QTest::keyClick(question, Qt::Key_Escape);
    QTRY_VERIFY(!discardQuestion(dialog));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QPlainTextEdit*>(QStringLiteral("callNotes"))->toPlainText(),
             QStringLiteral("Knee still swollen, she says"));

    // The title bar's close button asks too.
    QVERIFY(!dialog->close());
    QVERIFY(dialog->isVisible());
    QVERIFY(answerDiscardQuestion(dialog, false));
    QVERIFY(dialog->isVisible());

    // So does the Close button; "Discard" closes.
    QPushButton* close = cancelButton(dialog);
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(answerDiscardQuestion(dialog, true));
    QTRY_VERIFY(!dialog);
    // Nothing was logged.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM call_attempts")), 0);
}

void TestGuiDiscard::aCleanCallDialogClosesAtOnce()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpWorkspace workspace(db, p.clinician);
    workspace.show();
    QPointer<CallDialog> dialog = openCheckin(db, p, workspace);
    QVERIFY(dialog);
    QSignalSpy asked(dialog.data(), &FormDialog::discardQuestionShown);
    press(dialog, Qt::Key_Escape);
    QCOMPARE(asked.count(), 0);
    QTRY_VERIFY(!dialog);
}

void TestGuiDiscard::choosingATimeLeavesTheCallOpen()
{
    AFTERCARE_PRACTICE(db, p);
    FollowUpWorkspace workspace(db, p.clinician);
    workspace.show();
    QPointer<CallDialog> dialog = openCheckin(db, p, workspace);
    QVERIFY(dialog);
    auto* outcome = dialog->findChild<QComboBox*>(QStringLiteral("callOutcome"));
    outcome->setCurrentIndex(outcome->findData(int(CallOutcome::Reached)));
    auto* step = dialog->findChild<QComboBox*>(QStringLiteral("callNextStep"));
    step->setCurrentIndex(step->findData(int(CallNextStep::Book)));
    QSignalSpy opened(dialog.data(), &CallDialog::bookingDialogOpened);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("chooseBookingTime")),
                      Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    QPointer<BookingDialog> booking =
        qobject_cast<BookingDialog*>(opened.front().front().value<QWidget*>());
    QVERIFY(booking);
    // The booking dialog itself was not changed: it closes at once.
    press(booking, Qt::Key_Escape);
    QTRY_VERIFY(!booking);
    QVERIFY(dialog->isVisible());
    // Back in the call, what was chosen is unsaved.
    press(dialog, Qt::Key_Escape);
    QVERIFY(dialog->isVisible());
    QVERIFY(answerDiscardQuestion(dialog, true));
    QTRY_VERIFY(!dialog);
}

void TestGuiDiscard::everyFormAsksBeforeDiscarding_data()
{
    QTest::addColumn<Form>("form");
    QTest::addColumn<QByteArray>("field"); // empty: the form has nothing unsaved to lose
    QTest::newRow("new client") << Form::Onboarding << QByteArray("onboardingFirstName");
    QTest::newRow("booking") << Form::Booking << QByteArray("bookingNotes");
    QTest::newRow("add user") << Form::AddUser << QByteArray("userNameEdit");
    QTest::newRow("reset password") << Form::ResetPassword << QByteArray("passwordEdit");
    QTest::newRow("summary template") << Form::SummaryTemplate << QByteArray("templateBody");
    QTest::newRow("result") << Form::Result << QByteArray("resultSummary");
    QTest::newRow("post-service steps") << Form::PostService << QByteArray();
    QTest::newRow("welcome pack") << Form::WelcomePack << QByteArray();
}

void TestGuiDiscard::everyFormAsksBeforeDiscarding()
{
    QFETCH(Form, form);
    QFETCH(QByteArray, field);
    AFTERCARE_PRACTICE(db, p);
    const auto result = addResult(db, p, p.anna, kNow.addSecs(-3600), 8.4);
    QVERIFY(result);
    Appointment next;
    next.client = p.anna;
    next.practitioner = p.weber;
    next.serviceType = p.consultation;
    next.startsAt = QDateTime(kNow.date().addDays(3), QTime(10, 0));
    const auto booked = AppointmentRepository(db).book(next, p.reception);
    QVERIFY2(booked, why(booked));
    const User clara = UserRepository(db).get(p.clinician.user).value();

    auto make = [&]() -> FormDialog* {
        switch (form) {
        case Form::Onboarding:
            return new OnboardingDialog(db, p.reception);
        case Form::Booking:
            return new BookingDialog(db, p.reception, p.weber, next.startsAt.addDays(1));
        case Form::AddUser:
            return new AddUserDialog(db, p.admin);
        case Form::ResetPassword:
            return new ResetPasswordDialog(db, p.admin, clara);
        case Form::SummaryTemplate:
            return new SummaryTemplateDialog(db, p.clinician);
        case Form::Result:
            return new ResultDialog(db, p.clinician, *result, QStringLiteral("Anna Müller"));
        case Form::PostService:
            return new PostServiceDialog(db, p.clinician, p.anna, QStringLiteral("Anna Müller"));
        case Form::WelcomePack:
            return new WelcomePackDialog(db, p.reception, *booked);
        }
        return nullptr;
    };

    // Untouched, it closes at once, by Escape and by its Cancel or Close button.
    for (const bool byButton : {false, true}) {
        std::unique_ptr<FormDialog> clean(make());
        clean->show();
        QVERIFY(QTest::qWaitForWindowExposed(clean.get()));
        QSignalSpy rejected(clean.get(), &QDialog::rejected);
        if (byButton) {
            QPushButton* cancel = cancelButton(clean.get());
            QVERIFY(cancel);
            QTest::mouseClick(cancel, Qt::LeftButton);
        } else {
            press(clean.get(), Qt::Key_Escape);
        }
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!clean->isVisible());
        QVERIFY(!discardQuestion(clean.get()));
    }
    if (field.isEmpty())
        return;

    // Changed, it asks; "Keep editing" keeps it, "Discard" closes it.
    std::unique_ptr<FormDialog> dialog(make());
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QVERIFY(typeInto(dialog.get(), field.constData(), QStringLiteral("x2")));
    QVERIFY(dialog->hasUnsavedChanges());
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    press(dialog.get(), Qt::Key_Escape);
    QVERIFY(dialog->isVisible());
    QVERIFY(answerDiscardQuestion(dialog.get(), false));
    QVERIFY(dialog->isVisible());
    QTest::mouseClick(cancelButton(dialog.get()), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->close());
    QVERIFY(dialog->isVisible());
    QCOMPARE(rejected.count(), 0);
    QVERIFY(answerDiscardQuestion(dialog.get(), true));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!dialog->isVisible());
}

QTEST_MAIN(TestGuiDiscard)
#include "tst_gui_discard.moc"
