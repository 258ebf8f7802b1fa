package io.rcbench.cli; public class Main { public static void main(String[] a){} }
