"""The versioned JSON bundle: one workshop with everything captured in it, as a portable file.

The submodules are imported where used (`app.bundle.export`, `app.bundle.load`) so the CLI only
pays for what it runs; the names here are the small public surface.
"""

from app.bundle.model import MAX_BUNDLE_BYTES, VERSION, Bundle, BundleError

__all__ = ["MAX_BUNDLE_BYTES", "VERSION", "Bundle", "BundleError"]
