#include "common/formdialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QMetaProperty>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>

namespace aftercare::ui {

namespace {

constexpr const char* kIgnoredProperty = "aftercareIgnoresChanges";

bool isIgnored(const QWidget* widget, const QWidget* form)
{
    for (const QWidget* w = widget; w && w != form; w = w->parentWidget()) {
        if (w->property(kIgnoredProperty).toBool())
            return true;
    }
    return false;
}

// What a field holds, as far as the user sees it; nothing for widgets that hold no input.
QVariant valueOf(const QWidget* widget)
{
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget)) {
        // The line edit inside a combo or spin box is compared through its owner.
        const QWidget* owner = edit->parentWidget();
        if (qobject_cast<const QComboBox*>(owner) || qobject_cast<const QAbstractSpinBox*>(owner))
            return {};
        return edit->isReadOnly() ? QVariant() : QVariant(edit->text());
    }
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(widget))
        return text->isReadOnly() ? QVariant() : QVariant(text->toPlainText());
    if (const auto* text = qobject_cast<const QTextEdit*>(widget))
        return text->isReadOnly() ? QVariant() : QVariant(text->toPlainText());
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->currentIndex() < 0 && !combo->isEditable() ? QVariant(QStringLiteral("\x1f"))
                                                                 : QVariant(combo->currentText());
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget))
        return spin->text();
    if (const auto* group = qobject_cast<const QGroupBox*>(widget))
        return group->isCheckable() ? QVariant(group->isChecked()) : QVariant();
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        return button->isCheckable() ? QVariant(button->isChecked()) : QVariant();
    // A field of our own (a client picker) names what it holds as its user property.
    const QMetaProperty user = widget->metaObject()->userProperty();
    if (user.isValid() && QLatin1String(user.enclosingMetaObject()->className())
                              .startsWith(QLatin1String("aftercare::")))
        return user.read(widget);
    return {};
}

} // namespace

FormDialog::FormDialog(QWidget* parent, Qt::WindowFlags flags)
    : QDialog(parent, flags)
{}

FormDialog::~FormDialog() = default;

void FormDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Only the first time: a form hidden by the idle lock and shown again keeps its changes.
    if (!m_taken)
        markSaved();
}

void FormDialog::markSaved()
{
    m_taken = true;
    m_saved.clear();
    const auto widgets = findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        if (widget->window() != this || isIgnored(widget, this))
            continue;
        QVariant value = valueOf(widget);
        if (value.isValid())
            m_saved.push_back(Field{widget, std::move(value)});
    }
}

bool FormDialog::fieldsChanged() const
{
    for (const Field& field : m_saved) {
        if (field.widget && !isIgnored(field.widget, this) && valueOf(field.widget) != field.value)
            return true;
    }
    return false;
}

bool FormDialog::hasUnsavedChanges() const
{
    if (!m_taken)
        return false; // never shown: nothing was typed
    return m_check ? m_check() : fieldsChanged();
}

void FormDialog::setUnsavedChangesCheck(std::function<bool()> check)
{
    m_check = std::move(check);
}

void FormDialog::ignoreChanges(QWidget* field)
{
    field->setProperty(kIgnoredProperty, true);
}

void FormDialog::reject()
{
    if (!isVisible() || !hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    askBeforeDiscarding();
}

void FormDialog::askBeforeDiscarding()
{
    if (m_question && m_question->isVisible()) {
        m_question->raise();
        m_question->activateWindow();
        return;
    }
    auto* question = new QMessageBox(QMessageBox::Question, windowTitle(),
                                     tr("Discard your changes?"), QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("discardChangesQuestion"));
    question->setInformativeText(tr("What you entered here has not been saved."));
    QPushButton* discard = question->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardChanges"));
    QPushButton* keep = question->addButton(tr("&Keep editing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepEditing"));
    // Enter and Escape both keep the work: discarding takes a deliberate click or Alt+D.
    question->setDefaultButton(keep);
    question->setEscapeButton(keep);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::buttonClicked, this, [this, discard](QAbstractButton* b) {
        if (b == discard)
            QDialog::reject();
    });
    m_question = question;
    question->open();
    emit discardQuestionShown(question);
}

} // namespace aftercare::ui
