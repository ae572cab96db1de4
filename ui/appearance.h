#pragma once

#include <QPalette>
#include <QString>

class QApplication;

namespace aftercare::ui {

// Aftercare's two looks. Both are Fusion with a palette of Aftercare's own and the stylesheet
// from resources/ui/aftercare.qss, whose colour words (@window, @accent ...) are filled in
// from the same table as the palette, so a widget the stylesheet does not name still matches.
enum class Appearance
{
    Light,
    Dark
};

// The look for a desktop with this palette: AFTERCARE_APPEARANCE=light or dark decides when
// set; otherwise a dark desktop (a dark window colour in its palette) gets the dark look.
Appearance chooseAppearance(const QPalette& desktop);
QPalette paletteFor(Appearance appearance);
// The stylesheet with its colour words filled in.
QString styleSheetFor(Appearance appearance);

// Sets the style, palette and stylesheet on the application. Returns the look chosen.
Appearance applyAppearance(QApplication& app);

} // namespace aftercare::ui
