"""The only API that ui/, exports/ and the command line call. Every write returns Changes."""
