/**
 * The run command's demo fleet: one real device agent per demo household, on a simulated meter, that registers
 * and enrolls through the platform's own APIs, fills a week of TAF 7 history on a fast clock and then runs live.
 */
package org.smgwlite.devstack.demo;
