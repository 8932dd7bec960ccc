import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskAddress, maskContactsInText, maskPhone } from './privacy.js';

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

  it('masks phone and identity-card numbers written into free text, and leaves other numbers', () => {
    assert.equal(maskContactsInText('请回电13812345678或 138-1234-5678，+86 13912345678'), '请回电138****5678或 138****5678，139****5678');
    assert.equal(maskContactsInText('座机0971-1234567'), '座机097****4567');
    assert.equal(maskContactsInText('身份证号63010219900101123X，另一张630102900101123'), '身份证号63**************3X，另一张63***********23');
    assert.equal(maskContactsInText('5号楼2单元301，停了3天，工单20261015-0001'), '5号楼2单元301，停了3天，工单20261015-0001');
  });
});
