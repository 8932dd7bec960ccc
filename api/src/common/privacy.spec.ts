import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskAddress, maskPhone } from './privacy.js';

describe('masking personal data', () => {
  it('keeps a mobile number recognisable but not callable', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    assert.equal(maskPhone(null), null);
  });

  it('hides the door of an address and keeps the compound', () => {
    assert.equal(maskAddress('小碱小区5号楼2单元301'), '小碱小区*号楼*单元***');
    assert.equal(maskAddress('黄河路１２号'), '黄河路**号');
    assert.equal(maskAddress('黄河路王家大院'), '黄河路****');
    assert.equal(maskAddress(''), '');
    assert.equal(maskAddress(null), null);
  });
});
