"""overrides/ is the theme's folder, and MkDocs publishes every file in it that is not a page
template: the templates of the downloads (the PDF's, the EPUB's, the JATS file's) are the
builds' own, not the site's. Keep them out of site/.
"""

from pathlib import Path

import _datafiles

FOLDERS = [_datafiles.ROOT / "overrides" / name for name in ("pdf", "epub", "jats")]


def on_files(files, config):
    for file in list(files):
        source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if source is not None and any(source.is_relative_to(folder.resolve()) for folder in FOLDERS):
            files.remove(file)
    return files
