# plumbing · on_files
"""overrides/ is the theme's folder, and MkDocs publishes every file in it that is not a page
template: the templates of the downloads (the PDF's, the EPUB's, the JATS file's) are the
builds' own, not the site's. Keep them out of site/.
"""

from pathlib import Path

from edition import datafiles

NAMES = ("pdf", "epub", "jats")
FOLDERS = [(datafiles.ROOT / "overrides" / name).resolve() for name in NAMES]


def on_files(files, config):
    # A theme file's src_uri is its path below its theme folder: only pdf/…, epub/…, jats/…
    # can be one of ours (MkDocs lists every file of Material's theme too, thousands of icons).
    for file in [file for file in files if file.src_uri.split("/", 1)[0] in NAMES and file.abs_src_path]:
        if any(Path(file.abs_src_path).resolve().is_relative_to(folder) for folder in FOLDERS):
            files.remove(file)
    return files
