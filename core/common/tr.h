#pragma once

// The translation idiom of core. Core has no QObject-free way around it: every user-visible text is
// looked up at run time in the context lupdate extracted it under, and that context is always a
// `cinetune…` scope name. Three forms, nothing else:
//
// 1. Code in a class calls `tr("…")`. The class declares its context: `Q_OBJECT` for a QObject,
//    `Q_DECLARE_TR_FUNCTIONS(cinetune::Class)` for any other class (lupdate and the compiler then agree
//    on "cinetune::Class"). A file-local text class (`class FooText { Q_DECLARE_TR_FUNCTIONS(cinetune::Foo) };`
//    called as `FooText::tr("…")`) is the same form, for code that is not in the class.
// 2. Code outside a class calls `tr("…")` from this header: the context is the enclosing namespace,
//    "cinetune", which is the context lupdate gives a free function's `tr()`. A nested namespace with
//    messages declares its own `tr()` with its own name as context (see providers/protocoljson.h).
//    No file-local `tr()` wrapper with another context: lupdate would not see that context.
// 3. A name stored in a table (baseline, metric, provider, state) is marked with
//    `QT_TRANSLATE_NOOP("cinetune::Area", "…")` and translated where it is shown, by a core function
//    that calls `QCoreApplication::translate("cinetune::Area", stored)`, so callers never repeat the
//    context. `QCoreApplication::translate("cinetune::Area", "…")` with literal arguments is also fine
//    for a switch over an enum.
//
// Stable ids written to JSON, CSV headers meant for machines, log lines and command-line output
// (app/cli, the report command) are not translated. The sources lupdate reads are declared in
// core/CMakeLists.txt (CINETUNE_CORE_TRANSLATED_SOURCES: all of core except the command line and the
// developer tools); the test `translations_catalogue_complete` fails when a message in them is missing
// from translations/cinetune_de.ts or when lupdate and the code disagree on a context (lupdate's
// "Class '…' lacks Q_OBJECT macro" for a class). See docs/TRANSLATIONS.md.
#include <QCoreApplication>
#include <QString>

namespace cinetune {

// Form 2: a message in a free function (or a file-local helper) of namespace cinetune.
inline QString tr(const char *sourceText, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("cinetune", sourceText, disambiguation, n);
}

} // namespace cinetune
