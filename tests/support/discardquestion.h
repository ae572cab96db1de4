#pragma once

// The "Discard your changes?" question a form (FormDialog) puts before closing with unsaved
// changes, for the GUI tests.

#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QWidget>

namespace aftercare::test {

// The question the form is asking now, or nullptr.
inline QMessageBox* discardQuestion(QWidget* form)
{
    if (!form)
        return nullptr;
    const auto questions =
        form->findChildren<QMessageBox*>(QStringLiteral("discardChangesQuestion"));
    for (QMessageBox* question : questions) {
        if (question->isVisible())
            return question;
    }
    return nullptr;
}

// Clicks "Discard" or "Keep editing"; false when no question is showing.
inline bool answerDiscardQuestion(QWidget* form, bool discard)
{
    QMessageBox* question = discardQuestion(form);
    if (!question)
        return false;
    auto* button = question->findChild<QPushButton*>(discard ? QStringLiteral("discardChanges")
                                                             : QStringLiteral("keepEditing"));
    if (!button)
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return !question->isVisible();
}

} // namespace aftercare::test
