"""What Pillow and Willow raise for a broken image file, in one place: uploads refuse such files
(image_upload) and pages leave out pictures made from them (renditions)."""

import struct
import zlib

# None of these is the uploader's or the reader's fault to read.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error, zlib.error)
