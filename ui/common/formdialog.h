#pragma once

#include <QDialog>
#include <QPointer>
#include <QVariant>

#include <functional>
#include <vector>

class QMessageBox;

namespace aftercare::ui {

// A dialog in which something is typed or chosen. Escape, Cancel, Close and the title bar's
// close button ask "Discard your changes?" (Discard / Keep editing) while the form has
// unsaved changes; a form without changes closes at once. What counts as a change: by default
// any of its fields (line and text edits, combo and spin boxes, check boxes) differing from
// what it showed when it was first shown or last saved; a form that knows better says so with
// setUnsavedChangesCheck(). Saving closes with accept(), which never asks; a form that saves
// and stays open calls markSaved().
class FormDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FormDialog(QWidget* parent = nullptr, Qt::WindowFlags flags = {});
    ~FormDialog() override;

    // Whether closing now would lose something typed or chosen.
    bool hasUnsavedChanges() const;
    // Whether a field differs from what it held when first shown or last saved.
    bool fieldsChanged() const;
    // Replaces the comparison of fields by the form's own account of what is unsaved.
    void setUnsavedChangesCheck(std::function<bool()> check);
    // The fields as they are now count as saved.
    void markSaved();
    // Leaves a field (a search box, a filter) out of the comparison.
    static void ignoreChanges(QWidget* field);

    // Asks first when there are unsaved changes; closes only when told to discard them.
    void reject() override;

signals:
    // The question was put (for tests and for the window that opened the form).
    void discardQuestionShown(QWidget* question);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Field
    {
        QPointer<QWidget> widget;
        QVariant value;
    };

    void askBeforeDiscarding();

    std::vector<Field> m_saved;
    bool m_taken = false;
    std::function<bool()> m_check;
    QPointer<QMessageBox> m_question;
};

} // namespace aftercare::ui
