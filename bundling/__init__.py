"""Builds the self-contained app: one PyInstaller spec, then an installer per OS.

Run through ``build_installer.py`` at the repository root. Pure generators
(the .iss text, Info.plist values, .desktop files, icon containers) live in
their own modules so they can be tested on any OS; only the last step of
each OS (iscc, hdiutil, codesign, appimagetool) needs that OS's tools.
"""
