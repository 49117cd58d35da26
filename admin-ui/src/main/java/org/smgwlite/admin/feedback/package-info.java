/**
 * How the UI tells the user what happened: one look for "done" and one for "failed", shared by the views and the
 * error handler so that every message of a kind appears the same way.
 */
package org.smgwlite.admin.feedback;
