#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cinetune::cli {

// The one way a command writes a file it was asked to produce (--out).
//
// checkOutputPath refuses an output that would replace one of the command's inputs: the same
// file after resolving symbolic links (canonical paths), the same file through a hard link, or an
// existing file inside an input folder (a dataset folder). Call it before the work, so a refusal
// costs nothing. Error code "cli.output_is_input".
[[nodiscard]] Status checkOutputPath(const QString &output, const QStringList &inputs);

// checkOutputPath, then writes `bytes` atomically (QSaveFile: a temporary file in the same folder
// renamed over the target only when everything was written), so a failure leaves the old file as
// it was. Error codes "cli.output_is_input", "cli.write_failed".
[[nodiscard]] Status writeOutputFile(const QString &output, const QByteArray &bytes, const QStringList &inputs);

// An output folder (dataset synth --out): refused when it exists and is not empty unless `force`;
// refused when it is a file. Error codes "cli.output_not_empty", "cli.output_not_folder".
[[nodiscard]] Status checkOutputFolder(const QString &folder, bool force);

} // namespace cinetune::cli
