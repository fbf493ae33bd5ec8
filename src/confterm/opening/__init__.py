"""Opening a programme: from a file or a URL, in any format, validated and cached.

Above ``storage`` (files, downloads, bookmarks) and ``formats`` (the readers),
below the command line and the interface. ``sources.open_location`` is the way
in; ``cache`` keeps validated programmes so that a later start skips
validation; ``files`` reads a programme file within confterm's limits.
"""
