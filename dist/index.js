"use strict";

// src/main.ts
async function run() {
}

// src/index.ts
void run();
