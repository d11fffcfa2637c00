#pragma once

#include <QString>

namespace cinetune {

// Sets organization/application name and version so QStandardPaths and QSettings agree
// between the GUI and the CLI.
void setApplicationIdentity();

// Folder holding the embedded sample dataset (MovieLens ml-latest-small), extracted from the
// resources on first use into the app data location. Empty on failure.
QString sampleDatasetPath();

// What `cinetune --version` prints: the version, the Qt version it runs on (and was built with)
// and the build's git revision ("unknown" outside a git checkout), one per line.
QString versionText();

// The special path the CLI and "Open sample" accept for the embedded sample.
inline constexpr const char *kSamplePath = ":sample";

} // namespace cinetune
