"""The app's screens beyond the main one: actor profile, help, load errors, export."""
